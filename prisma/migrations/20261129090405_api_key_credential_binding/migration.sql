-- AlterTable
ALTER TABLE "api_credentials" ADD COLUMN     "aad_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "key_custody_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "required_kek_version" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "key_custody_state_pkey" PRIMARY KEY ("id")
);

