package dev.godwit.processor.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated {@code SCHEMA} of a JPA entity against the table the real Hibernate ORM creates for it:
 * every column the schema requires is {@code NOT NULL} in the catalog and every other one nullable,
 * and every declared size is the length, precision and scale Hibernate gave the column.
 */
class SchemaMatchesHibernateTest {

  /** One column as the catalog describes it. */
  private record Catalogued(boolean notNull, String type, Integer length, Integer precision,
      Integer scale) {}

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyColumnIsRequiredAndSizedAsHibernateCreatesIt(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    try (Orm orm = Orm.springNamed(database, PetType.class, Region.class, Invoice.class)) {
      Map<String, Catalogued> catalog = catalog(database, "invoices");
      List<String> mismatches = new ArrayList<>();
      for (ColumnSchema column : InvoiceTable.SCHEMA.columns()) {
        Catalogued actual = catalog.get(column.name().toLowerCase(Locale.ROOT));
        if (actual == null) {
          mismatches.add(column.name() + " is not in the table");
          continue;
        }
        if (column.required() != actual.notNull()) {
          mismatches.add(column.name() + " (" + column.role() + ") is required: " + column.required()
              + ", NOT NULL in the catalog: " + actual.notNull());
        }
        ColumnSchema.Size size = column.size();
        if (actual.type().contains("char") && !Integer.valueOf(size.length()).equals(actual.length())) {
          mismatches.add(column.name() + " has length " + size.length() + ", Hibernate's "
              + actual.length());
        }
        if ((actual.type().contains("numeric") || actual.type().contains("decimal"))
            && (size.precision() != actual.precision() || size.scale() != actual.scale())) {
          mismatches.add(column.name() + " has precision and scale " + size.precision() + ", "
              + size.scale() + ", Hibernate's " + actual.precision() + ", " + actual.scale());
        }
      }
      assertEquals(List.of(), mismatches, catalog.toString());
      // The runtime's check agrees: the table is what the code expects, with nothing left to apply.
      Migrator.create(database).check(List.of(InvoiceTable.SCHEMA));
    }
  }

  @Test
  void theRolesFollowTheMarkers() {
    Map<String, ColumnSchema.Role> roles = new HashMap<>();
    InvoiceTable.SCHEMA.columns().forEach(column -> roles.put(column.name(), column.role()));

    assertEquals(ColumnSchema.Role.REQUIRED, roles.get("id"));
    assertEquals(ColumnSchema.Role.REQUIRED, roles.get("lines"));
    assertEquals(ColumnSchema.Role.REQUIRED, roles.get("kind_id"));
    assertEquals(ColumnSchema.Role.OPTIONAL, roles.get("third_kind_id"));
    assertEquals(ColumnSchema.Role.WIDENED, roles.get("currency"));
    assertEquals(ColumnSchema.Role.NARROWED, roles.get("discount"));
    assertEquals(ColumnSchema.Role.DEPRECATED, roles.get("legacy_code"));
    assertEquals(ColumnSchema.Role.RETIRING, roles.get("old_reference"));
    assertTrue(InvoiceTable.SCHEMA.column("discount").orElseThrow().filledBy().isPresent());
  }

  /** Every column of a table, by lower-case name, from the SQL standard's information schema. */
  private static Map<String, Catalogued> catalog(DataSource database, String table)
      throws SQLException {
    Map<String, Catalogued> columns = new HashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT column_name, is_nullable,"
            + " data_type, character_maximum_length, numeric_precision, numeric_scale"
            + " FROM information_schema.columns WHERE lower(table_name) = ?")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1).toLowerCase(Locale.ROOT), new Catalogued(
              "NO".equals(rows.getString(2)), rows.getString(3).toLowerCase(Locale.ROOT),
              (Integer) rows.getObject(4, Integer.class), (Integer) rows.getObject(5, Integer.class),
              (Integer) rows.getObject(6, Integer.class)));
        }
      }
    }
    return columns;
  }
}
