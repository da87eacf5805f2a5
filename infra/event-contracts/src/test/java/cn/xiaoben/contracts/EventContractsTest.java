package cn.xiaoben.contracts;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Stream<DomainEvent> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void everyCataloguedTypeHasASampleASchemaAndAMajorVersionInItsName() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        for (EventType<?> type : EventTypes.all()) {
            assertThat(sampled).as("sample for %s", type.name()).contains(type.dataClass());
            assertThat(type.name()).matches("cn\\.xiaoben\\.[a-z_]+\\.[a-z_]+\\.[a-z_]+\\.v[0-9]+");
            assertThat(resource(type.schemaResource())).as("schema of %s", type.name()).isNotNull();
            assertThat(Topics.all()).contains(type.topic());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleDataIsValidAgainstItsSchema(DomainEvent event) throws IOException {
        EventType<DomainEvent> type = EventTypes.of(event);
        assertThat(validate(schema(type.schemaResource()), event)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordComponentIsDeclaredInTheSchema(DomainEvent event) throws IOException {
        EventType<DomainEvent> type = EventTypes.of(event);
        Map<?, ?> schema = JACKSON2.readValue(resource(type.schemaResource()), Map.class);
        Set<String> declared = ((Map<?, ?>) schema.get("properties")).keySet().stream()
                .map(Object::toString).collect(Collectors.toSet());
        Set<String> components = Arrays.stream(event.getClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        assertThat(declared).isEqualTo(components);
    }

    @Test
    void datesAreWrittenAsIsoStrings() throws IOException {
        String json = new String(EventJson.write(EventSamples.all().get(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"registeredAt\":\"2026-11-20T01:00:00Z\"");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventsRoundTripThroughJson(DomainEvent event) {
        Object back = EventJson.read(EventJson.write(event), event.getClass());
        tools.jackson.databind.JsonNode expected = EventJson.mapper().valueToTree(event);
        tools.jackson.databind.JsonNode actual = EventJson.mapper().valueToTree(back);
        assertThat(actual).isEqualTo(expected);
    }

    /** Backward compatibility: what producers write today must still satisfy every released schema. */
    @Test
    void currentEventsStillSatisfyEveryReleasedSchema() throws IOException {
        Path released = Path.of("src/test/resources/released-schemas");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(released)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            EventType<?> type = EventTypes.byName(name).orElseThrow(
                    () -> new AssertionError("released event type was removed: " + name));
            DomainEvent sample = EventSamples.all().stream()
                    .filter(e -> e.getClass() == type.dataClass()).findFirst().orElseThrow();
            JsonSchema releasedSchema = SCHEMAS.getSchema(Files.readString(file));
            assertThat(validate(releasedSchema, sample)).as("%s against released %s", name, file).isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryTypeTopicAndDeadLetterTopic() {
        Map<String, Object> doc = new Yaml().load(resource("asyncapi.yaml"));
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<?, ?> channels = (Map<?, ?>) doc.get("channels");
        Set<Object> addresses = channels.values().stream().map(c -> ((Map<?, ?>) c).get("address")).collect(Collectors.toSet());
        for (String topic : Topics.all()) {
            assertThat(addresses).contains(topic, Topics.deadLetterOf(topic));
        }
        Map<?, ?> messages = (Map<?, ?>) ((Map<?, ?>) doc.get("components")).get("messages");
        Set<Object> names = messages.values().stream().map(m -> ((Map<?, ?>) m).get("name")).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(EventTypes.all().stream().map(EventType::name).toList());
    }

    private static Set<ValidationMessage> validate(JsonSchema schema, DomainEvent event) throws IOException {
        return schema.validate(JACKSON2.readTree(EventJson.write(event)));
    }

    private static JsonSchema schema(String resource) {
        return SCHEMAS.getSchema(resource(resource));
    }

    private static InputStream resource(String path) {
        return EventContractsTest.class.getClassLoader().getResourceAsStream(path);
    }
}
