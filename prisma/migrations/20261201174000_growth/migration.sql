-- Issue 14 (growth): the account's fiscal-year start (budget season), the expansion pipeline's
-- stages, owner, close date, loss reason, checklist and trade log, the product catalogue and
-- whitespace cells.

-- CreateEnum
CREATE TYPE "ExpansionStage" AS ENUM ('identified', 'planning', 'proposal', 'negotiation', 'won', 'lost');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "fiscalYearStartMonth" INTEGER;

-- AlterTable
ALTER TABLE "ExpansionOpportunity" ADD COLUMN "stage" "ExpansionStage" NOT NULL DEFAULT 'identified',
ADD COLUMN "ownerId" INTEGER,
ADD COLUMN "closeDate" DATE,
ADD COLUMN "lossReason" TEXT,
ADD COLUMN "checklist" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "tradeLog" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "trigger" TEXT;

-- Existing deals: a closed deal's stage is its status.
UPDATE "ExpansionOpportunity" SET "stage" = 'won' WHERE "status" = 'won';
UPDATE "ExpansionOpportunity" SET "stage" = 'lost' WHERE "status" = 'lost';

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "listArr" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhitespaceCell" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "impact" DECIMAL(14,2) NOT NULL,
    "criticalEventDate" DATE,
    "criticalEventReason" TEXT,
    "decisionNotes" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhitespaceCell_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExpansionOpportunity_stage_idx" ON "ExpansionOpportunity"("stage");
CREATE UNIQUE INDEX "Product_key_key" ON "Product"("key");
CREATE UNIQUE INDEX "WhitespaceCell_accountId_productId_key" ON "WhitespaceCell"("accountId", "productId");
CREATE INDEX "WhitespaceCell_productId_idx" ON "WhitespaceCell"("productId");

-- AddForeignKey
ALTER TABLE "ExpansionOpportunity" ADD CONSTRAINT "ExpansionOpportunity_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WhitespaceCell" ADD CONSTRAINT "WhitespaceCell_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WhitespaceCell" ADD CONSTRAINT "WhitespaceCell_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
