package cn.xiaoben.identity.authserver.authorizations;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token claims and metadata as plain BSON and back: strings, numbers, booleans, dates (read back as instants), lists
 * and maps, no Java type names, so reading them back depends on no type allow-list (Jackson's default typing failed
 * on {@code List.of(…)} here, and revocation and introspection answered 500). A URL or URI becomes its text (Spring's
 * claim accessors convert it back); any other value its {@code toString()}. Map keys are escaped ({@code %}, {@code .}
 * and a leading {@code $}), so that metadata names such as {@code metadata.token.claims} are plain field names.
 */
final class ClaimsBson {

    private ClaimsBson() {
    }

    static Document write(Map<String, ?> map) {
        Document doc = new Document();
        map.forEach((name, value) -> doc.append(escape(name), toBson(value)));
        return doc;
    }

    static Map<String, Object> read(Document doc) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((name, value) -> map.put(unescape(name), fromBson(value)));
        }
        return map;
    }

    private static Object toBson(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Date) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return new Decimal128(new BigDecimal(value.toString()));
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            collection.forEach(v -> list.add(toBson(v)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Document doc = new Document();
            map.forEach((k, v) -> doc.append(escape(String.valueOf(k)), toBson(v)));
            return doc;
        }
        if (value instanceof URL || value instanceof URI) {
            return value.toString();
        }
        return String.valueOf(value);
    }

    private static Object fromBson(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Document doc) {
            return read(doc);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(fromBson(v)));
            return copy;
        }
        return value;
    }

    static String escape(String name) {
        String escaped = name.replace("%", "%25").replace(".", "%2E");
        return escaped.startsWith("$") ? "%24" + escaped.substring(1) : escaped;
    }

    static String unescape(String name) {
        return name.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
