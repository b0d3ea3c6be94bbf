-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "over_budget_by" DECIMAL(20,6),
ADD COLUMN     "over_cap_by" INTEGER;

