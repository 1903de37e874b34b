-- CreateTable
CREATE TABLE "secret" (
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "hosts" TEXT[],
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secret_pkey" PRIMARY KEY ("name")
);

