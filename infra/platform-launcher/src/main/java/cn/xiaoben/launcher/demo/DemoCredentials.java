package cn.xiaoben.launcher.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code var/demo-credentials.json}: written progressively while loading (a school system's secret is shown
 * only once), so a re-run reuses what exists. {@code complete} marks a finished load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DemoCredentials {

	public String gatewayUrl;

	public String county;

	/**
	 * The autumn term ({@link TermCalendar#of}) whose county was loaded; a re-run loads the same one. Files written
	 * before it was recorded hold the county of 2026.
	 */
	public Integer termYear;

	public String districtId;

	public boolean complete;

	public String loadedAt;

	public String demoPassword;

	public Client bureauClient;

	public List<TownshipEntry> townships = new ArrayList<>();

	public List<SchoolEntry> schools = new ArrayList<>();

	public List<AccountEntry> accounts = new ArrayList<>();

	/** The teacher whose portfolio shows the richest term of the demo. */
	public ShowcaseEntry showcase;

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public static final class ShowcaseEntry {

		public String username;

		public String teacherId;

		public String name;

		public String school;

		public String schoolCode;

		public String schoolId;

		public String about;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public static final class Client {

		public String clientId;

		public String clientSecret;

		public Client() {
		}

		public Client(String clientId, String clientSecret) {
			this.clientId = clientId;
			this.clientSecret = clientSecret;
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public static final class TownshipEntry {

		public String code;

		public String name;

		public String id;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public static final class SchoolEntry {

		public String code;

		public String name;

		public String stage;

		public String township;

		public String townshipId;

		public String schoolId;

		public String clientId;

		public String clientSecret;

		/** subject → subject group id */
		public Map<String, String> subjectGroups = new LinkedHashMap<>();

		/** demo teacher key → teacher id */
		public Map<String, String> teachers = new LinkedHashMap<>();

		/** demo evidence key → attachment id (an upload is not idempotent, so the loader remembers it) */
		public Map<String, String> attachments = new LinkedHashMap<>();
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public static final class AccountEntry {

		public String username;

		public String password;

		public String role;

		public String displayName;

		public String scope;

		public String townshipId;

		public String schoolId;

		public String teacherId;
	}

	public synchronized TownshipEntry township(String code) {
		return townships.stream().filter(t -> code.equals(t.code)).findFirst().orElseGet(() -> {
			TownshipEntry entry = new TownshipEntry();
			entry.code = code;
			townships.add(entry);
			return entry;
		});
	}

	public synchronized SchoolEntry school(String code) {
		return schools.stream().filter(s -> code.equals(s.code)).findFirst().orElseGet(() -> {
			SchoolEntry entry = new SchoolEntry();
			entry.code = code;
			schools.add(entry);
			return entry;
		});
	}

	public synchronized AccountEntry account(String username) {
		return accounts.stream().filter(a -> username.equals(a.username)).findFirst().orElse(null);
	}

	public synchronized void addAccount(AccountEntry entry) {
		accounts.add(entry);
	}
}
