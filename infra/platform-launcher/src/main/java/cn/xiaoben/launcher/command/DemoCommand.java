package cn.xiaoben.launcher.command;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import cn.xiaoben.launcher.LauncherException;
import cn.xiaoben.launcher.config.BasePorts;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.demo.DemoCredentials;
import cn.xiaoben.launcher.demo.DemoCredentialsStore;
import cn.xiaoben.launcher.demo.DemoLoadException;
import cn.xiaoben.launcher.demo.DemoLoader;
import cn.xiaoben.launcher.demo.GatewayClient;
import cn.xiaoben.launcher.demo.TermCalendar;
import cn.xiaoben.launcher.health.HttpReadinessCheck;
import cn.xiaoben.launcher.secrets.BureauClient;

/** {@code demo}: (re)loads the demo county through the running gateway; also used by {@code up}. */
public final class DemoCommand {

	private DemoCommand() {
	}

	public static int run(LauncherConfig config, Console console) {
		if (!new HttpReadinessCheck(config.port(BasePorts.GATEWAY)).isHealthy()) {
			throw new LauncherException("the gateway at " + config.gatewayUrl() + " is not ready; run ./platform up first");
		}
		int exit = load(config, console);
		if (exit == 0) {
			printLogins(config, console);
		}
		return exit;
	}

	static int load(LauncherConfig config, Console console) {
		BureauClient bureau = BureauClient.loadOrCreate(config.secretsDir());
		DemoCredentialsStore store = new DemoCredentialsStore(config.demoCredentialsFile());
		try {
			TermCalendar calendar = calendar(config.demoDate(), store.load(), LocalDate.now(TermCalendar.ZONE));
			console.line("demo: loading 云溪县, %s, through %s ...", calendar, config.gatewayUrl());
			DemoLoader.Summary summary = new DemoLoader(config.gatewayUrl(),
					new GatewayClient.Client(bureau.clientId(), bureau.clientSecret()), store, console::line, calendar)
				.load();
			console.line("demo: %d schools, %d teachers, %d observations (%d new), %d other activity records (%d new) "
					+ "loaded in %d s", summary.schools(), summary.teachers(), summary.observations(),
					summary.newObservations(), summary.activities(), summary.newActivities(),
					Math.round(summary.took().toMillis() / 1000.0));
			return 0;
		}
		catch (DemoLoadException ex) {
			console.error("demo: loading failed: %s", ex.getMessage());
			console.error("demo: the platform keeps running; what was loaded is kept. Retry with ./platform demo");
			return 1;
		}
	}

	/**
	 * The term to load: that of {@code --demo-date}, else the one {@code var/} already holds (a re-run creates
	 * nothing new), else that of {@code today} (in China). A term whose "now" lies after today is refused (the
	 * services reject records dated in the future), and so is another term than the one loaded.
	 */
	static TermCalendar calendar(LocalDate demoDate, DemoCredentials loaded, LocalDate today) {
		Integer loadedYear = loaded.termYear != null ? loaded.termYear : loaded.schools.isEmpty() ? null : 2026;
		if (demoDate == null) {
			return loadedYear != null ? TermCalendar.of(loadedYear) : TermCalendar.forReference(today);
		}
		TermCalendar calendar = TermCalendar.forReference(demoDate);
		if (calendar.demoNow().toLocalDate().isAfter(today)) {
			throw new DemoLoadException("--demo-date " + demoDate + " gives the " + calendar
					+ ", whose records would lie after today (" + today + "); the services reject them");
		}
		if (loadedYear != null && loadedYear != calendar.year()) {
			throw new DemoLoadException("--demo-date " + demoDate + " gives the autumn term " + calendar.year()
					+ ", but the var directory holds the county of the autumn term " + loadedYear
					+ "; stop the platform and delete the var directory (or use another --var) to load another term");
		}
		return calendar;
	}

	static void printLogins(LauncherConfig config, Console console) {
		if (!Files.exists(config.demoCredentialsFile())) {
			return;
		}
		DemoCredentials credentials = new DemoCredentialsStore(config.demoCredentialsFile()).load();
		if (credentials.accounts.isEmpty()) {
			return;
		}
		console.line("demo logins (password %s):", credentials.demoPassword);
		List<DemoCredentials.AccountEntry> accounts = credentials.accounts;
		for (String role : List.of("BUREAU_ADMIN", "EXPERT", "TOWNSHIP_ADMIN", "SCHOOL_ADMIN", "GROUP_LEAD", "TEACHER")) {
			List<DemoCredentials.AccountEntry> ofRole = accounts.stream().filter(a -> role.equals(a.role)).toList();
			boolean showAll = role.equals("TEACHER") || ofRole.size() == 1;
			for (DemoCredentials.AccountEntry account : showAll ? ofRole : ofRole.subList(0, Math.min(1, ofRole.size()))) {
				console.line("  %-18s %-15s %s", account.username, role, account.scope);
			}
			if (!showAll && ofRole.size() > 1) {
				console.line("  %-18s %-15s (+%d more, one per %s)", "…", role, ofRole.size() - 1,
						role.equals("SCHOOL_ADMIN") ? "school" : "township");
			}
		}
		credentials.schools.stream().filter(s -> s.clientId != null).findFirst().ifPresent(s -> console.line(
				"school systems: %d OAuth clients (client_credentials at %s/oauth2/token), e.g. %s for %s",
				credentials.schools.size(), config.gatewayUrl(), s.clientId, s.name));
		if (credentials.showcase != null) {
			console.line("showcase teacher (a varied term to see in a portfolio): %s %s, %s, teacher id %s",
					credentials.showcase.username, credentials.showcase.name, credentials.showcase.school,
					credentials.showcase.teacherId);
		}
		console.line("all credentials: %s", config.demoCredentialsFile());
	}
}
