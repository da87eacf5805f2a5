package cn.xiaoben.launcher.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.Kind;
import cn.xiaoben.launcher.config.BasePorts;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.secrets.BureauClient;

/** Command-line properties and environment of a service or the gateway on the embedded stack. */
public final class SpringBootArguments {

	public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");

	/** Gateway route targets: property suffix and base port. */
	private static final Map<String, Integer> ROUTES = routes();

	private SpringBootArguments() {
	}

	private static Map<String, Integer> routes() {
		Map<String, Integer> routes = new LinkedHashMap<>();
		routes.put("identity", BasePorts.IDENTITY);
		routes.put("activity", BasePorts.ACTIVITY);
		routes.put("credit", BasePorts.CREDIT);
		routes.put("evaluation", BasePorts.EVALUATION);
		routes.put("reporting", BasePorts.REPORTING);
		return routes;
	}

	public static List<String> applicationArguments(Component component, LauncherConfig config,
			BureauClient bureauClient) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + component.port());
		// single machine: nothing but this machine reaches a service, the gateway included (README, embedded mode)
		args.add("--server.address=127.0.0.1");
		args.add("--spring.kafka.bootstrap-servers=" + config.kafkaBootstrapServers());
		args.add("--xiaoben.security.jwk-set-uri=" + config.identityUrl() + "/oauth2/jwks");
		args.add("--xiaoben.security.issuer=" + config.gatewayUrl());
		// probes are only auto-enabled on Kubernetes; the launcher waits on /actuator/health/readiness
		args.add("--management.endpoint.health.probes.enabled=true");
		if (component.kind() == Kind.SERVICE) {
			args.add("--spring.mongodb.uri=" + config.mongoUri(component.database()));
		}
		if (component.name().equals("identity-service")) {
			args.add("--xiaoben.identity.bootstrap.bureau-client-id=" + bureauClient.clientId());
		}
		if (component.kind() == Kind.GATEWAY) {
			ROUTES.forEach((service, port) -> args
				.add("--xiaoben.gateway.services." + service + "=http://127.0.0.1:" + config.port(port)));
		}
		return args;
	}

	/** Secrets go through the environment (relaxed binding), so they do not show up in {@code ps}. */
	public static Map<String, String> environment(Component component, BureauClient bureauClient) {
		if (component.name().equals("identity-service")) {
			return Map.of("XIAOBEN_IDENTITY_BOOTSTRAP_BUREAU_CLIENT_SECRET", bureauClient.clientSecret());
		}
		return Map.of();
	}
}
