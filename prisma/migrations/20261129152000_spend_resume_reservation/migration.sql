-- AlterTable
ALTER TABLE "sends" ADD COLUMN     "reserved_at" TIMESTAMPTZ(3);
