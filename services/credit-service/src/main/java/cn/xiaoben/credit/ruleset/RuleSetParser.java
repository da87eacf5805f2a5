package cn.xiaoben.credit.ruleset;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a rule set from JSON or YAML and checks it: first against {@code rule-sets/rule-set.schema.json} (types,
 * ranges, unknown fields — every violation, in English and Chinese), then the rules no schema can say (unique ids,
 * known categories, a role the fact has, an amount the fact can pay). Anything wrong is one 400
 * {@code invalid-rule-set} listing every problem with its path.
 */
@Component
public class RuleSetParser {

    static final String SCHEMA = "/rule-sets/rule-set.schema.json";

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final JsonSchema english = schema(Locale.ENGLISH);
    private final JsonSchema chinese = schema(Locale.SIMPLIFIED_CHINESE);

    /** The validated rule set of a JSON ({@code yaml == false}) or YAML document. */
    public RuleSet parse(String text, boolean isYaml) {
        JsonNode tree;
        try {
            tree = (isYaml ? yaml : json).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-rule-set",
                    "The rule set is not well-formed " + (isYaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage(),
                    "规则文档不是合法的 " + (isYaml ? "YAML" : "JSON") + "：" + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(List.of(new FieldProblem("", "type", "A rule set is an object.", "规则文档必须是一个对象。")));
        }
        List<FieldProblem> problems = schemaProblems(tree);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        RuleSet ruleSet;
        try {
            ruleSet = json.treeToValue(tree, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new FieldProblem("", "invalid", e.getOriginalMessage(), "规则文档无法解析：" + e.getOriginalMessage())));
        }
        problems = RuleSetChecks.problems(ruleSet);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return ruleSet;
    }

    /** The canonical JSON of a rule set (keys sorted): what is stored and hashed. */
    public String canonicalJson(RuleSet ruleSet) {
        try {
            return json.writeValueAsString(ruleSet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public RuleSet fromCanonicalJson(String text) {
        try {
            return json.readValue(text, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set unreadable", e);
        }
    }

    private List<FieldProblem> schemaProblems(JsonNode tree) {
        List<ValidationMessage> en = new ArrayList<>(english.validate(tree));
        List<ValidationMessage> zh = new ArrayList<>(chinese.validate(tree));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < en.size(); i++) {
            ValidationMessage m = en.get(i);
            String field = dotted(m.getInstanceLocation().toString());
            if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
                field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
            }
            String zhMessage = i < zh.size() ? zh.get(i).getMessage() : m.getMessage();
            problems.add(new FieldProblem(field, m.getType(), m.getMessage(), zhMessage));
        }
        return problems;
    }

    /** {@code /rules/3/amount} or {@code $.rules[3].amount} → {@code rules[3].amount}. */
    static String dotted(String location) {
        if (location.startsWith("$")) {
            return location.replaceFirst("^\\$\\.?", "");
        }
        StringBuilder field = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    private static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-rule-set",
                "The rule set has " + problems.size() + " problem(s); nothing was saved.",
                "规则文档有 " + problems.size() + " 处问题，未保存。", problems);
    }

    private static JsonSchema schema(Locale locale) {
        try (InputStream in = RuleSetParser.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " missing");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().locale(locale).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
