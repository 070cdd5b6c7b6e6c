import { describe, expect, it } from "vitest";
import { changeTitle, describeChange, valueLabel } from "@/lib/domain/audit-labels";

describe("the change log in human words", () => {
  it("names the record and what happened to it", () => {
    expect(changeTitle("task", "create")).toBe("Task added");
    expect(changeTitle("sentiment_override", "clear")).toBe("Sentiment cleared");
    expect(changeTitle("expansion_opportunity", "update")).toBe("Expansion deal changed");
    expect(changeTitle("brand_new_thing", "archive")).toBe("Brand new thing archive");
    expect(changeTitle("task", "create (playbook)")).toBe("Task added by a playbook");
    expect(changeTitle("renewal", "update (renewals)")).toBe("Renewal changed by the renewal schedule");
  });

  it("shows playbook keys and code words as words", () => {
    expect(valueLabel("low_engagement_red")).toBe("Manager save plan (red health)");
    expect(valueLabel("renewal_90_csm")).toBe("Renewal preparation, 90 days out (CSM)");
    expect(valueLabel("at_risk")).toBe("at risk");
    expect(valueLabel("2026-11-30T10:00:00.000Z")).toBe("2026-11-30");
    expect(valueLabel(null)).toBe("—");
    expect(valueLabel(true)).toBe("yes");
  });

  it("lists changed fields by their labels and leaves out ids", () => {
    expect(
      describeChange(
        { status: "open", outcome: null },
        { id: 7, accountId: 3, kind: "low_engagement_red", status: "done", dueDate: "2026-12-04" },
      ),
    ).toBe("Playbook: Manager save plan (red health) · Status: open → done · Due date: 2026-12-04");
  });
});
