package cn.xiaoben.launcher.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.xiaoben.launcher.config.BasePorts;
import cn.xiaoben.launcher.config.LauncherConfig;

/**
 * The components of the embedded stack in start order, grouped in stages: every component of a stage is
 * started together, and a stage starts only when the previous one is healthy.
 */
public final class ComponentCatalog {

	private final List<List<Component>> stages;

	private ComponentCatalog(List<List<Component>> stages) {
		this.stages = stages;
	}

	public static ComponentCatalog of(LauncherConfig config) {
		Component mongo = new Component("mongo", Kind.MONGO, config.port(BasePorts.MONGO), List.of(), null, null);
		Component kafka = new Component("kafka", Kind.KAFKA, config.port(BasePorts.KAFKA),
				List.of(config.port(BasePorts.KAFKA_CONTROLLER)), null, null);
		Component identity = service("identity-service", config.port(BasePorts.IDENTITY), "xiaoben_identity");
		List<Component> rest = List.of(service("activity-service", config.port(BasePorts.ACTIVITY), "xiaoben_activity"),
				service("credit-service", config.port(BasePorts.CREDIT), "xiaoben_credit"),
				service("evaluation-service", config.port(BasePorts.EVALUATION), "xiaoben_evaluation"),
				service("reporting-service", config.port(BasePorts.REPORTING), "xiaoben_reporting"),
				new Component("gateway", Kind.GATEWAY, config.port(BasePorts.GATEWAY), List.of(), null,
						"gateway/target/gateway.jar"));
		return new ComponentCatalog(List.of(List.of(mongo), List.of(kafka), List.of(identity), rest));
	}

	private static Component service(String name, int port, String database) {
		return new Component(name, Kind.SERVICE, port, List.of(), database,
				"services/" + name + "/target/" + name + ".jar");
	}

	/** Keeps only the named components (all when {@code names} is empty); unknown names are an error. */
	public ComponentCatalog select(Set<String> names) {
		if (names.isEmpty()) {
			return this;
		}
		Set<String> known = all().stream().map(Component::name).collect(Collectors.toSet());
		List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown component(s) " + unknown + "; known: " + names());
		}
		List<List<Component>> selected = new ArrayList<>();
		for (List<Component> stage : stages) {
			List<Component> kept = stage.stream().filter(c -> names.contains(c.name())).toList();
			if (!kept.isEmpty()) {
				selected.add(kept);
			}
		}
		return new ComponentCatalog(List.copyOf(selected));
	}

	public List<List<Component>> stages() {
		return stages;
	}

	/** All components in start order. */
	public List<Component> all() {
		return stages.stream().flatMap(List::stream).toList();
	}

	/** All components in stop order (reverse start order). */
	public List<Component> stopOrder() {
		List<Component> reversed = new ArrayList<>(all());
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	public Optional<Component> find(String name) {
		return all().stream().filter(c -> c.name().equals(name)).findFirst();
	}

	public Component get(String name) {
		return find(name).orElseThrow(
				() -> new IllegalArgumentException("unknown component '" + name + "'; known: " + names()));
	}

	public List<String> names() {
		return all().stream().map(Component::name).toList();
	}
}
