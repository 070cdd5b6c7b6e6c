import { describe, expect, it } from "vitest";
import { cn } from "@/components/ui/cn";

describe("cn", () => {
  it("skips falsy values", () => {
    expect(cn("px-3", false, null, undefined, "py-2")).toBe("px-3 py-2");
  });

  it("lets later Tailwind classes win conflicts", () => {
    expect(cn("whitespace-nowrap px-3", "whitespace-normal")).toBe("px-3 whitespace-normal");
    expect(cn("px-3 first:pl-5", "px-1")).toBe("first:pl-5 px-1");
  });

  it("knows the project's custom colours are colours, not sizes", () => {
    expect(cn("bg-brand-600 text-sm", "bg-band-red text-white")).toBe("text-sm bg-band-red text-white");
  });
});
