-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CampaignState" ADD VALUE 'awaiting_approval';
ALTER TYPE "CampaignState" ADD VALUE 'rejected';
ALTER TYPE "CampaignState" ADD VALUE 'expired';

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "approval_decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "approval_decided_by_id" UUID,
ADD COLUMN     "approval_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "approval_reason" TEXT,
ADD COLUMN     "reserved_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "spend_settings" (
    "workspace_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Istanbul',
    "approval_above_recipients" INTEGER,
    "approval_above_cost" DECIMAL(20,6),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "spend_settings_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "spend_budgets" (
    "workspace_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "context_key" TEXT NOT NULL,
    "monthly_budget" DECIMAL(20,6),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "spend_budgets_pkey" PRIMARY KEY ("workspace_id","subject","context_key")
);

-- CreateTable
CREATE TABLE "spend_caps" (
    "workspace_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "daily_cap" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "spend_caps_pkey" PRIMARY KEY ("workspace_id","subject")
);

-- AddForeignKey
ALTER TABLE "spend_settings" ADD CONSTRAINT "spend_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spend_budgets" ADD CONSTRAINT "spend_budgets_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spend_caps" ADD CONSTRAINT "spend_caps_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

