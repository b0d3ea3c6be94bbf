-- CreateEnum
CREATE TYPE "SendState" AS ENUM ('queued', 'pending', 'accepted', 'failed', 'unknown');

-- CreateEnum
CREATE TYPE "CampaignState" AS ENUM ('draft', 'scheduled', 'running', 'stopped', 'completed', 'cancelled');

-- CreateTable
CREATE TABLE "sends" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID,
    "organization_id" TEXT,
    "service_id" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "unit_price" DECIMAL(20,6) NOT NULL,
    "recipients" TEXT[],
    "recipient_count" INTEGER NOT NULL,
    "cost_estimate" DECIMAL(20,6) NOT NULL,
    "message" TEXT NOT NULL,
    "state" "SendState" NOT NULL,
    "yazsana_sending_id" TEXT,
    "error_kind" TEXT,
    "error_message" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "campaign_id" UUID,
    "chunk_index" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempted_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID,
    "organization_id" TEXT,
    "service_id" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "unit_price" DECIMAL(20,6) NOT NULL,
    "message" TEXT NOT NULL,
    "recipient_count" INTEGER NOT NULL,
    "total_entries" INTEGER NOT NULL,
    "duplicate_count" INTEGER NOT NULL,
    "invalid_count" INTEGER NOT NULL,
    "invalid_lines" JSONB NOT NULL,
    "chunk_count" INTEGER NOT NULL,
    "cost_estimate" DECIMAL(20,6) NOT NULL,
    "state" "CampaignState" NOT NULL,
    "stop_reason" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sends_workspace_id_yazsana_sending_id_idx" ON "sends"("workspace_id", "yazsana_sending_id");

-- CreateIndex
CREATE INDEX "sends_workspace_id_created_at_idx" ON "sends"("workspace_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sends_workspace_id_idempotency_key_key" ON "sends"("workspace_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "sends_campaign_id_chunk_index_key" ON "sends"("campaign_id", "chunk_index");

-- CreateIndex
CREATE INDEX "campaigns_workspace_id_created_at_idx" ON "campaigns"("workspace_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_workspace_id_idempotency_key_key" ON "campaigns"("workspace_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "sends" ADD CONSTRAINT "sends_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sends" ADD CONSTRAINT "sends_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sends" ADD CONSTRAINT "sends_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

