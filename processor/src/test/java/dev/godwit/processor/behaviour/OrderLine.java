package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/** A composite primary key of two {@code @Id} fields, in declaration order. */
@MigratedTable("order_lines")
public record OrderLine(
    @Id long orderId,
    @Id int lineNo,
    int quantity,
    Integer unitPrice,
    @Widened @Backfill(method = "totalOf", batchSize = 2) Integer total) {

  public static Integer totalOf(OrderLine line) {
    return line.quantity() * line.unitPrice();
  }
}
