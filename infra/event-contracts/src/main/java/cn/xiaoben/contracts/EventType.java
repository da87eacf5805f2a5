package cn.xiaoben.contracts;

/**
 * Metadata of one event type: its CloudEvents {@code type} (with a major version), its topic, its record class and
 * the JSON Schema that describes its data.
 */
public record EventType<T extends DomainEvent>(String name, String topic, Class<T> dataClass) {

    public String schemaResource() {
        return "schemas/" + name + ".json";
    }

    public String schemaUri() {
        return "https://xiaoben.cn/schemas/" + name + ".json";
    }
}
