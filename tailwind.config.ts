import type { Config } from "tailwindcss";

// Linked from app/globals.css with @config (Tailwind 4 reads it only then).
// Band colours are product vocabulary: keep them identical everywhere.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef4ff",
          100: "#dbe6fe",
          500: "#4f6ef7",
          600: "#3b54e0",
          700: "#2f43b8",
          900: "#1c2659",
        },
        band: {
          red: "#dc2626",
          yellow: "#d97706",
          green: "#16a34a",
          purple: "#7c3aed",
        },
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
      },
    },
  },
};

export default config;
