import { exportRoute } from "@/lib/api/export-route";
import { PORTFOLIO_DATASETS, portfolioTable, type PortfolioDataset } from "@/lib/data/dashboards/portfolio-exports";

// CSV of one chart of the portfolio page (every signed-in role sees the portfolio).
export const GET = exportRoute<undefined, { dataset: string }>({
  action: "portfolio:read",
  build: async ({ params: { dataset } }) => {
    if (!PORTFOLIO_DATASETS.includes(dataset as PortfolioDataset)) return null;
    const table = await portfolioTable(dataset as PortfolioDataset);
    return { name: dataset, fields: table.fields, rows: [table.data] };
  },
});
