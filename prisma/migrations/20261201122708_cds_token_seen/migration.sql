-- CreateTable
CREATE TABLE "cds_token_seen" (
    "issuer" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cds_token_seen_pkey" PRIMARY KEY ("issuer","jti")
);

-- CreateIndex
CREATE INDEX "cds_token_seen_expires_at_idx" ON "cds_token_seen"("expires_at");
