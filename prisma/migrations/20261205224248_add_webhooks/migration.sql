-- CreateTable
CREATE TABLE "webhook" (
    "id" TEXT NOT NULL,
    "workflow_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "token_digest" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "signing_secret" TEXT,
    "tolerance_seconds" INTEGER NOT NULL,
    "input_expression" TEXT,
    "headers" TEXT[],
    "delivery_header" TEXT,
    "event_name" TEXT,
    "instance_expression" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refusals" INTEGER NOT NULL DEFAULT 0,
    "last_refusal" TEXT,
    "last_refusal_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_signature" (
    "webhook_id" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_signature_pkey" PRIMARY KEY ("webhook_id","digest")
);

-- CreateIndex
CREATE INDEX "webhook_workflow_name_idx" ON "webhook"("workflow_name");

-- AddForeignKey
ALTER TABLE "webhook" ADD CONSTRAINT "webhook_workflow_name_fkey" FOREIGN KEY ("workflow_name") REFERENCES "workflow"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_signature" ADD CONSTRAINT "webhook_signature_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

