package dev.godwit.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
      "isPro, is_pro",
      "plan, plan",
      "userID, user_id",
      "HTTPCode, http_code",
      "address2, address2",
      "line2Text, line2_text",
      "already_snake, already_snake",
      "URL, url"})
  void snakeCasesJavaNames(String name, String expected) {
    assertEquals(expected, Names.snakeCase(name));
  }

  /** Each expectation is what Spring Boot's CamelCaseToUnderscoresNamingStrategy gives the name. */
  @ParameterizedTest
  @CsvSource({
      "isPro, is_pro",
      "plan, plan",
      "emailOptIn, email_opt_in",
      "externalID, externalid",
      "line2Code, line2code",
      "httpURLValue, httpurlvalue",
      "vatNumberEU, vat_numbereu",
      "petType_id, pet_type_id",
      "UserPreference, user_preference",
      "legacy_owners, legacy_owners"})
  void namesColumnsAsSpringBootsDefaultNamingStrategyDoes(String name, String expected) {
    assertEquals(expected, Names.physicalName(name));
  }

  @Test
  void putsTheArticleItsFirstLetterCallsFor() {
    assertEquals("a Plan", Names.withArticle("Plan"));
    assertEquals("an OrderStatus", Names.withArticle("OrderStatus"));
    assertEquals("an Enum", Names.withArticle("Enum"));
  }

  @Test
  void ignoresATurkishDefaultLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertEquals("invoice_id", Names.snakeCase("invoiceID"));
      assertEquals("IS_PRO", Names.constantName("isPro"));
      assertEquals("Items", Names.capitalize("items"));
      assertEquals("item", Names.decapitalize("Item"));
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void acceptsOnlyPlainSqlIdentifiers() {
    assertTrue(Names.isPlainIdentifier("team_members2"));
    assertTrue(Names.isPlainIdentifier("_x"));
    assertFalse(Names.isPlainIdentifier("2teams"));
    assertFalse(Names.isPlainIdentifier("team-members"));
    assertFalse(Names.isPlainIdentifier("équipe"));
    assertFalse(Names.isPlainIdentifier("a".repeat(64)));
  }

  @ParameterizedTest
  @CsvSource({
      "team-members, team_members",
      "2teams, _2teams",
      "équipe, _quipe",
      "isPro, is_pro"})
  void suggestsAPlainIdentifier(String name, String expected) {
    assertEquals(expected, Names.suggestIdentifier(name));
    assertTrue(Names.isPlainIdentifier(Names.suggestIdentifier(name)));
  }

  @Test
  void recognisesDoubleQuotedAndBacktickedNames() {
    assertTrue(Names.isQuoted("\"Customers\""));
    assertTrue(Names.isQuoted("`Customers`"));
    assertFalse(Names.isQuoted("Customers"));
    assertFalse(Names.isQuoted("\"Customers`"));
    assertFalse(Names.isQuoted("\""));
    assertEquals("Customers", Names.unquoted("`Customers`"));
  }

  @Test
  void saysWhatIsWrongWithAnExactName() {
    assertEquals(null, Names.exactNameFault("Customers of 2024"));
    assertEquals("it is empty", Names.exactNameFault(""));
    assertEquals("it holds a double quote", Names.exactNameFault("a\"b"));
    assertEquals("it holds a control character", Names.exactNameFault("a\tb"));
    assertEquals(null, Names.exactNameFault("x".repeat(63)));
    assertEquals("it is longer than 63 characters", Names.exactNameFault("x".repeat(64)));
  }

  @Test
  void comparesPlainNamesIgnoringCaseAndExactNamesExactly() {
    assertEquals(Names.key("Teams"), Names.key("teams"));
    assertFalse(Names.key("\"Teams\"").equals(Names.key("\"teams\"")));
    assertEquals("Teams", Names.text("\"Teams\""));
    assertEquals("teams", Names.text("teams"));
  }
}
