-- AlterTable
ALTER TABLE "clinical_order" ADD COLUMN     "days_supply" INTEGER,
ADD COLUMN     "quantity" INTEGER;

-- A supply is a quantity and a number of days together, only on a medication that is dispensed (not continued or stopped).
ALTER TABLE "clinical_order" ADD CONSTRAINT "clinical_order_supply" CHECK (
  ("quantity" IS NULL) = ("days_supply" IS NULL)
  AND ("quantity" IS NULL OR ("medication_action" IN ('new', 'change') AND "quantity" > 0 AND "days_supply" BETWEEN 1 AND 365))
);
