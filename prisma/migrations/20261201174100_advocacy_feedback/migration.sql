-- Issue 14 (growth): advocacy activities, feedback themes, and feedback items linked to a theme,
-- a contact and the sender's id. Existing feedback is grouped into one theme per title.

-- AlterEnum
ALTER TYPE "FeedbackType" ADD VALUE 'praise';

-- CreateEnum
CREATE TYPE "AdvocacyKind" AS ENUM ('reference', 'case_study', 'speaking', 'review', 'referral');
CREATE TYPE "AdvocacyStatus" AS ENUM ('requested', 'agreed', 'completed', 'declined');
CREATE TYPE "ThemeStatus" AS ENUM ('new', 'under_review', 'planned', 'shipped', 'declined');

-- AlterTable
ALTER TABLE "FeedbackItem" ADD COLUMN "themeId" INTEGER,
ADD COLUMN "contactId" INTEGER,
ADD COLUMN "externalId" TEXT;

-- CreateTable
CREATE TABLE "AdvocacyActivity" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,
    "kind" "AdvocacyKind" NOT NULL,
    "date" DATE NOT NULL,
    "status" "AdvocacyStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvocacyActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackTheme" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ThemeStatus" NOT NULL DEFAULT 'new',
    "escalatedAt" TIMESTAMP(3),
    "escalationNote" TEXT,
    "mergedIntoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackTheme_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeedbackItem_themeId_idx" ON "FeedbackItem"("themeId");
CREATE UNIQUE INDEX "FeedbackItem_accountId_externalId_key" ON "FeedbackItem"("accountId", "externalId");
CREATE INDEX "AdvocacyActivity_accountId_date_idx" ON "AdvocacyActivity"("accountId", "date");
CREATE INDEX "AdvocacyActivity_date_idx" ON "AdvocacyActivity"("date");
CREATE UNIQUE INDEX "AdvocacyActivity_contactId_kind_date_key" ON "AdvocacyActivity"("contactId", "kind", "date");
CREATE INDEX "FeedbackTheme_mergedIntoId_idx" ON "FeedbackTheme"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "FeedbackItem" ADD CONSTRAINT "FeedbackItem_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "FeedbackTheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "FeedbackItem" ADD CONSTRAINT "FeedbackItem_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AdvocacyActivity" ADD CONSTRAINT "AdvocacyActivity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AdvocacyActivity" ADD CONSTRAINT "AdvocacyActivity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing feedback: one theme per distinct title (case and spacing ignored).
INSERT INTO "FeedbackTheme" ("title")
SELECT min("title") FROM "FeedbackItem" GROUP BY lower(btrim("title"));
UPDATE "FeedbackItem" f SET "themeId" = t.id
FROM "FeedbackTheme" t WHERE lower(btrim(t."title")) = lower(btrim(f."title"));
