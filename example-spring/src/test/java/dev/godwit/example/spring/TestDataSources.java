package dev.godwit.example.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.godwit.runtime.testing.TestDatabase;
import javax.sql.DataSource;

/** A pooled data source on a new, empty database of the tests' H2 or embedded PostgreSQL. */
final class TestDataSources {

  private TestDataSources() {}

  static DataSource pooled(TestDatabase database) {
    HikariDataSource pool = new HikariDataSource();
    pool.setDataSource(database.newDatabase());
    pool.setMaximumPoolSize(8);
    return pool;
  }
}
