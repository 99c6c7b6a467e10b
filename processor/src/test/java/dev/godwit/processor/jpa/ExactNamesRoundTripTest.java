package dev.godwit.processor.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entities mapped by the real Hibernate ORM with its own naming (every name as declared): a table and
 * columns created quoted in mixed case with an {@code @IdClass} key, and a table named by
 * {@code @Entity(name)}. What Godwit writes there, Hibernate loads back.
 */
class ExactNamesRoundTripTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void quotedNamesAnIdClassAndAnEntityNameReachTheTablesHibernateCreated(TestDatabase kind)
      throws Exception {
    DataSource database = kind.newDatabase();
    try (Orm orm = Orm.plain(database, Customer.class, LegacyOwner.class)) {
      orm.inTransaction(manager -> {
        for (String region : List.of("eu", "us")) {
          for (int number = 1; number <= 3; number++) {
            Customer customer = new Customer();
            customer.setRegion(region);
            customer.setNumber(number);
            customer.setIsPro(number == 2);
            manager.persist(customer);
          }
        }
        LegacyOwner owner = new LegacyOwner();
        owner.setId(7L);
        owner.setName("Jean");
        manager.persist(owner);
      });

      Migrator migrator = Migrator.create(database);
      List<RunResult> results = new ArrayList<>(migrator.runAll(CustomerMigrations.all()));
      results.addAll(migrator.runAll(LegacyOwnerMigrations.all()));

      assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
      assertEquals(List.of("Clients.backfillPlanName", "legacy_owners.backfillNickname"),
          results.stream().map(result -> result.status().name()).toList());
      orm.inTransaction(manager -> {
        Map<String, String> plans = manager
            .createQuery("select c from Customer c", Customer.class).getResultList().stream()
            .collect(Collectors.toMap(c -> c.getRegion() + c.getNumber(), Customer::getPlanName));
        assertEquals(Map.of("eu1", "basic", "eu2", "pro", "eu3", "basic",
            "us1", "basic", "us2", "pro", "us3", "basic"), plans);
        assertEquals("Jean", manager.find(LegacyOwner.class, 7L).getNickname());
      });
    }
  }
}
