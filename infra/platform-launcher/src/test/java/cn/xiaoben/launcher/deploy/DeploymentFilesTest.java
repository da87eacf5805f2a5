package cn.xiaoben.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import cn.xiaoben.launcher.kafka.KafkaTopics;

/** docker-compose.yml and k8s/base stay complete and consistent as apps are added. */
class DeploymentFilesTest {

	private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

	private static final Path BASE = ROOT.resolve("k8s/base");

	private static final String APPS = "identity-service,activity-service,credit-service,evaluation-service,reporting-service,gateway";

	@ParameterizedTest
	@ValueSource(strings = { "identity-service", "activity-service", "credit-service", "evaluation-service",
			"reporting-service", "gateway" })
	void composeRunsTheAppWithAHealthcheckAfterItsDependenciesAreHealthy(String app) throws IOException {
		Map<String, Object> service = map(map(loadOne(ROOT.resolve("docker-compose.yml")).get("services")).get(app));

		assertThat(service).as("compose service %s", app).isNotNull();
		assertThat(service.get("image")).isEqualTo("xiaoben/" + app + ":0.1.0-SNAPSHOT");
		Map<String, Object> healthcheck = map(service.get("healthcheck"));
		assertThat(healthcheck).containsKey("test");
		assertThat(String.valueOf(healthcheck.get("test"))).contains("/actuator/health/readiness");
		Map<String, Object> dependsOn = map(service.get("depends_on"));
		assertThat(dependsOn).isNotEmpty();
		assertThat(dependsOn.values()).extracting(d -> map(d).get("condition")).contains("service_healthy");
		Map<String, Object> environment = map(service.get("environment"));
		assertThat(environment).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "XIAOBEN_SECURITY_JWK_SET_URI",
				"XIAOBEN_SECURITY_ISSUER");
		if (!app.equals("gateway")) {
			assertThat(environment).containsKey("SPRING_MONGODB_URI");
		}
	}

	@Test
	void composeInfrastructureMatchesThePlatformRules() throws IOException {
		Map<String, Object> services = map(loadOne(ROOT.resolve("docker-compose.yml")).get("services"));

		Map<String, Object> kafka = map(services.get("kafka"));
		assertThat(map(kafka.get("environment"))).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		assertThat(map(services.get("mongo")).get("command")).asString().contains("--replSet");
		assertThat(map(services.get("mongo"))).containsKey("healthcheck");
		String topicScript = String.valueOf(map(services.get("kafka-topics")).get("command"));
		KafkaTopics.EVENT_TOPICS.forEach(topic -> assertThat(topicScript).contains(topic));
		assertThat(topicScript).contains("-dlt");
		assertThat(services).containsKeys("prometheus", "grafana");
		String prometheus = Files.readString(ROOT.resolve("infra/monitoring/prometheus.yml"));
		for (String app : APPS.split(",")) {
			assertThat(prometheus).contains(app + ":");
		}
		assertThat(prometheus).contains("/actuator/prometheus");
	}

	@Test
	void identityGetsItsKeyEncryptionKeyFromOutsideTheStoreAndNeverGeneratesOne() throws IOException {
		Map<String, Object> compose = map(map(map(loadOne(ROOT.resolve("docker-compose.yml")).get("services"))
			.get("identity-service")).get("environment"));
		assertThat(compose).containsEntry("XIAOBEN_IDENTITY_KEYS_GENERATE_KEK", "false");
		assertThat(String.valueOf(compose.get("XIAOBEN_IDENTITY_KEYS_KEK"))).startsWith("${").contains(":?");

		Map<String, Object> deployment = find(baseDocuments(), "Deployment", "identity-service").orElseThrow();
		Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
			.get("containers")).get(0));
		Map<String, Map<String, Object>> env = list(container.get("env")).stream().map(DeploymentFilesTest::map)
			.collect(Collectors.toMap(e -> String.valueOf(e.get("name")), e -> e));
		assertThat(env.get("XIAOBEN_IDENTITY_KEYS_GENERATE_KEK")).containsEntry("value", "false");
		assertThat(map(map(env.get("XIAOBEN_IDENTITY_KEYS_KEK").get("valueFrom")).get("secretKeyRef")))
			.containsEntry("name", "xiaoben-identity-kek").containsEntry("key", "kek");
	}

	@ParameterizedTest
	@ValueSource(strings = { "identity-service", "activity-service", "credit-service", "evaluation-service",
			"reporting-service", "gateway" })
	void kubernetesHasADeploymentWithProbesAndResourcesAndAService(String app) throws IOException {
		List<Map<String, Object>> docs = baseDocuments();

		Map<String, Object> deployment = find(docs, "Deployment", app).orElseThrow(
				() -> new AssertionError("no Deployment " + app + " in k8s/base"));
		Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
		assertThat(map(map(template.get("metadata")).get("annotations"))).containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		List<Object> containers = list(map(template.get("spec")).get("containers"));
		assertThat(containers).hasSize(1);
		Map<String, Object> container = map(containers.get(0));
		assertThat(container.get("image")).isEqualTo("xiaoben/" + app + ":0.1.0-SNAPSHOT");
		assertThat(map(map(container.get("livenessProbe")).get("httpGet"))).containsEntry("path",
				"/actuator/health/liveness");
		assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).containsEntry("path",
				"/actuator/health/readiness");
		Map<String, Object> resources = map(container.get("resources"));
		assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
		assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
		assertThat(list(container.get("envFrom"))).isNotEmpty();

		Map<String, Object> service = find(docs, "Service", app).orElseThrow(
				() -> new AssertionError("no Service " + app + " in k8s/base"));
		assertThat(map(map(service.get("spec")).get("selector"))).containsEntry("app.kubernetes.io/name", app);
	}

	@Test
	void kustomizationListsEveryFileOfTheBase() throws IOException {
		List<Object> resources = list(loadOne(BASE.resolve("kustomization.yaml")).get("resources"));
		Set<String> files;
		try (Stream<Path> list = Files.list(BASE)) {
			files = list.map(p -> p.getFileName().toString())
				.filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
				.filter(name -> !name.equals("kustomization.yaml"))
				.collect(Collectors.toSet());
		}
		assertThat(resources).doesNotHaveDuplicates();
		assertThat(resources.stream().map(String::valueOf).collect(Collectors.toSet())).isEqualTo(files);
	}

	@Test
	void kubernetesHasKafkaTopicsMongoReplicaSetAndAutoscaling() throws IOException {
		List<Map<String, Object>> docs = baseDocuments();

		Set<Object> topics = docs.stream()
			.filter(d -> "KafkaTopic".equals(d.get("kind")))
			.peek(d -> assertThat(map(d.get("spec"))).containsEntry("partitions", 6))
			.map(d -> map(d.get("spec")).get("topicName"))
			.collect(Collectors.toSet());
		assertThat(topics).isEqualTo(Set.copyOf(KafkaTopics.all()));
		assertThat(find(docs, "Kafka", "xiaoben-kafka")).isPresent();
		assertThat(docs).anyMatch(d -> "KafkaNodePool".equals(d.get("kind")));

		Map<String, Object> mongo = find(docs, "StatefulSet", "mongo").orElseThrow();
		assertThat(map(mongo.get("spec"))).containsEntry("replicas", 3).containsEntry("serviceName", "mongo");
		assertThat(map(find(docs, "Service", "mongo").orElseThrow().get("spec"))).containsEntry("clusterIP", "None");

		Set<Object> scaled = docs.stream()
			.filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind")))
			.map(d -> map(map(d.get("spec")).get("scaleTargetRef")).get("name"))
			.collect(Collectors.toSet());
		assertThat(scaled).containsExactlyInAnyOrder("gateway", "activity-service");
	}

	@Test
	void demoOverlayPointsAtExistingFiles() throws IOException {
		Path overlay = ROOT.resolve("k8s/overlays/demo");
		Map<String, Object> kustomization = loadOne(overlay.resolve("kustomization.yaml"));
		assertThat(list(kustomization.get("resources"))).contains("../../base");
		for (Object patch : list(kustomization.get("patches"))) {
			assertThat(overlay.resolve(String.valueOf(map(patch).get("path")))).isRegularFile();
		}
	}

	@Test
	void launcherTopicsMatchTheEventContracts() throws IOException {
		Path topics = ROOT.resolve("infra/event-contracts/src/main/java/cn/xiaoben/contracts/Topics.java");
		Assumptions.assumeTrue(Files.exists(topics), "event-contracts not present");
		String source = Files.readString(topics);
		KafkaTopics.EVENT_TOPICS.forEach(topic -> assertThat(source).contains("\"" + topic + "\""));
		assertThat(source).contains("\"" + KafkaTopics.DEAD_LETTER_SUFFIX + "\"");
	}

	private static List<Map<String, Object>> baseDocuments() throws IOException {
		List<Map<String, Object>> docs = new ArrayList<>();
		try (Stream<Path> files = Files.list(BASE)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
				try (Reader reader = Files.newBufferedReader(file)) {
					for (Object doc : new Yaml().loadAll(reader)) {
						if (doc != null) {
							docs.add(map(doc));
						}
					}
				}
			}
		}
		return docs;
	}

	private static Optional<Map<String, Object>> find(List<Map<String, Object>> docs, String kind, String name) {
		return docs.stream()
			.filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
			.findFirst();
	}

	private static Map<String, Object> loadOne(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return map(new Yaml().load(reader));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return value == null ? List.of() : (List<Object>) value;
	}
}
