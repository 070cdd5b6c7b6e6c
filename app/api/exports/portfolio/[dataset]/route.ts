import { csvResponse } from "@/lib/api/csv";
import { getCurrentUser } from "@/lib/auth/session";
import { PORTFOLIO_DATASETS, portfolioTable, type PortfolioDataset } from "@/lib/data/dashboards/portfolio-exports";

// CSV of one chart of the portfolio page (every signed-in role sees the portfolio).
export async function GET(_request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const { dataset } = await params;
  if (!PORTFOLIO_DATASETS.includes(dataset as PortfolioDataset)) return new Response("Unknown table.", { status: 404 });
  const table = await portfolioTable(dataset as PortfolioDataset);
  return csvResponse(dataset, table.fields, [table.data]);
}
