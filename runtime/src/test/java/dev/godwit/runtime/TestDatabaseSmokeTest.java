package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseSmokeTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachDatabaseStartsEmptyAndAnswers(TestDatabase database) throws Exception {
    DataSource dataSource = database.newDatabase();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE probe (id BIGINT PRIMARY KEY)");
      statement.execute("INSERT INTO probe VALUES (1)");
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
        rs.next();
        assertEquals(1, rs.getLong(1));
      }
    }
  }
}
