package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.xiaoben.launcher.demo.DemoCounty.Observation;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;

class DemoCountyGeneratorTest {

	/** The term the README describes. */
	private static final TermCalendar CALENDAR = TermCalendar.of(2026);

	private final DemoCounty county = DemoCountyGenerator.generate(CALENDAR);

	@Test
	void isDeterministic() {
		assertThat(DemoCountyGenerator.generate(TermCalendar.forReference(LocalDate.parse("2026-12-07")))).isEqualTo(county);
		assertThat(DemoCountyGenerator.generate(42L, CALENDAR)).isNotEqualTo(county);
		assertThat(DemoCountyGenerator.generate(TermCalendar.of(2027))).isNotEqualTo(county);
	}

	/**
	 * The county of the term a day gives (the latest whose twelfth week has ended by then), for days around the
	 * ends of terms and school years and in years whose 1 September is a Tuesday, Wednesday, Saturday, Sunday, ...
	 */
	@ParameterizedTest
	@CsvSource({ "2026-12-07, 2026", "2027-08-31, 2026", "2027-09-01, 2026", "2027-11-20, 2026", "2027-11-21, 2027",
			"2028-01-31, 2027", "2029-12-31, 2029", "2030-11-23, 2029", "2030-11-24, 2030", "2031-02-01, 2030",
			"2034-12-01, 2034", "2036-12-01, 2036" })
	void anyDayGivesTheCountyOfATermThatHasHappened(String day, int year) {
		LocalDate reference = LocalDate.parse(day);
		TermCalendar calendar = TermCalendar.forReference(reference);

		DemoCounty ofTheTerm = DemoCountyGenerator.generate(calendar);

		assertThat(calendar.year()).isEqualTo(year);
		TermProperties.assertCalendar(calendar, reference);
		TermProperties.assertCounty(ofTheTerm, calendar, reference);
		assertThat(ofTheTerm.schools().get(0).teachers()).as("the showcase school's people, of the same age, in every term")
			.containsExactlyElementsOf(county.schools().get(0).teachers().stream()
				.map(t -> new Teacher(t.key(), t.name(), t.gender(), t.subject(), t.title(), t.birthYear() + year - 2026,
						t.grade(), t.quality()))
				.toList());
		assertThat(ofTheTerm.staff()).isEqualTo(county.staff());
	}

	/** The autumn term 2026 exactly as the README counts it (and as it was before the term became a parameter). */
	@Test
	void theTermOf2026IsTheReadmesCounty() {
		assertThat(CALENDAR.firstDay()).hasToString("2026-09-01");
		assertThat(CALENDAR.lastDay()).hasToString("2026-11-20");
		assertThat(CALENDAR.planUntil()).hasToString("2026-11-27");
		assertThat(CALENDAR.demoNow()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-22T12:00+08:00"));
		assertThat(List.of(county.observationCount(), county.count(a -> a.sessionObservations().size()),
				county.count(a -> a.weeklySlots().size()), county.count(DemoCounty.Activities::heldSlotSessions),
				county.count(a -> a.weeklySlots().stream().mapToInt(s -> s.cancelled().size()).sum()),
				county.count(a -> a.sessions().size()),
				county.count(a -> (int) a.sessions().stream().filter(s -> s.attendance().isEmpty()).count()),
				county.count(DemoCounty.Activities::lessonPlanRevisions), county.count(DemoCounty.Activities::minutesCount),
				county.count(a -> a.reflections().size()), county.count(a -> a.readingNotes().size()),
				county.count(a -> a.papers().size()), county.count(a -> a.competitions().size()),
				county.count(a -> a.projects().size()), county.count(a -> a.onlineStudies().size()),
				county.count(a -> a.externalTrainings().size()), county.count(a -> a.mentorships().size()),
				county.count(DemoCounty.Activities::checkpointCount), county.count(a -> a.skillProgrammes().size()),
				county.count(DemoCounty.Activities::skillSteps), county.count(a -> a.materials().size()),
				county.count(DemoCounty.Activities::evidenceCount), county.teacherCount()))
			.containsExactly(2448, 110, 51, 542, 60, 78, 4, 132, 107, 399, 845, 70, 39, 24, 267, 53, 36, 97, 67, 166, 143,
					398, 408);
		TermProperties.assertCounty(county, CALENDAR, LocalDate.parse("2026-11-22"));
	}

	@Test
	void hasTheExpectedSize() {
		assertThat(county.name()).isEqualTo("云溪县");
		assertThat(county.townships()).extracting(DemoCounty.Township::name).containsExactly("城关镇", "河口镇", "石桥镇");
		assertThat(county.townships()).allSatisfy(t -> assertThat(t.schools()).hasSize(4));
		assertThat(county.schools()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(county.teacherCount()).isGreaterThanOrEqualTo(400);
		assertThat(county.schools()).allSatisfy(s -> assertThat(s.teachers()).hasSize(34));
		assertThat(county.observationCount()).isEqualTo(county.teacherCount() * 6);
		assertThat(county.schools()).extracting(School::stage).contains(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR);
	}

	@Test
	void teachersArePlausible() {
		for (School school : county.schools()) {
			assertThat(school.teachers()).extracting(Teacher::name).doesNotHaveDuplicates()
				.allSatisfy(name -> assertThat(name).hasSizeBetween(2, 3));
			for (Teacher teacher : school.teachers()) {
				assertThat(teacher.birthYear()).isBetween(1965, 2000);
				assertThat(teacher.title()).isIn("三级教师", "二级教师", "一级教师", "高级教师");
				assertThat(teacher.gender()).isIn("男", "女");
				assertThat(school.subjects()).contains(teacher.subject());
				assertThat(Curriculum.grades(school.stage(), teacher.subject())).contains(teacher.grade());
			}
			if (school.stage() == Stage.PRIMARY) {
				assertThat(school.subjects()).doesNotContain("物理", "化学");
			}
			else {
				assertThat(school.subjects()).contains("物理");
			}
			assertThat(school.teachers().stream().map(Teacher::subject).distinct().toList())
				.containsExactlyInAnyOrderElementsOf(school.subjects());
		}
		assertThat(county.schools().stream().flatMap(s -> s.teachers().stream()).map(Teacher::key))
			.doesNotHaveDuplicates();
	}

	@Test
	void observationsAreATermOfPlausibleLessons() {
		Set<String> keys = new HashSet<>();
		int sameGroup = 0;
		for (School school : county.schools()) {
			Map<String, Teacher> teachers = school.teachers().stream()
				.collect(Collectors.toMap(Teacher::key, Function.identity()));
			Map<String, Long> perObserver = school.observations().stream()
				.collect(Collectors.groupingBy(Observation::observerKey, Collectors.counting()));
			assertThat(perObserver).hasSize(34).allSatisfy((k, count) -> assertThat(count).isEqualTo(6L));
			Set<String> slots = new HashSet<>();
			for (Observation o : school.observations()) {
				assertThat(keys.add(o.key())).as("unique key %s", o.key()).isTrue();
				assertThat(o.key()).startsWith("demo-obs-" + school.code() + "-");
				Teacher observer = teachers.get(o.observerKey());
				Teacher observed = teachers.get(o.teacherKey());
				assertThat(observer).isNotNull();
				assertThat(observed).isNotNull().isNotSameAs(observer);
				assertThat(o.subject()).isEqualTo(observed.subject());
				assertThat(o.grade()).isEqualTo(observed.grade());
				assertThat(Curriculum.topics(school.stage(), o.subject())).extracting(Curriculum.Topic::title)
					.contains(o.topic());
				assertThat(CALENDAR.schoolDays()).contains(o.observedAt().toLocalDate());
				LocalTime start = o.observedAt().toLocalTime();
				assertThat(start).isBetween(LocalTime.of(8, 0), LocalTime.of(15, 15));
				assertThat(o.observedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
				assertThat(o.durationMinutes()).isEqualTo(45);
				assertThat(o.scores()).containsOnlyKeys(ObservationPlanner.DIMENSIONS)
					.allSatisfy((k, v) -> assertThat(v).isBetween(60, 98));
				assertThat(o.comment()).isNotBlank().endsWith("。");
				assertThat(slots.add(o.observerKey() + "|" + o.observedAt()))
					.as("observer %s in two lessons at %s", o.observerKey(), o.observedAt())
					.isTrue();
				if (observer.subject().equals(observed.subject())) {
					sameGroup++;
				}
			}
		}
		assertThat(sameGroup).isGreaterThan(county.observationCount() * 6 / 10);
	}

	@Test
	void staffAccountsCoverEveryRole() {
		List<DemoCounty.StaffAccount> staff = county.staff();
		assertThat(staff).extracting(DemoCounty.StaffAccount::username).doesNotHaveDuplicates()
			.contains("bureau.admin", "jyy.zhang");
		assertThat(staff).filteredOn(a -> a.role().equals("TOWNSHIP_ADMIN")).hasSize(3);
		assertThat(staff).filteredOn(a -> a.role().equals("SCHOOL_ADMIN")).hasSize(12);
		assertThat(staff).filteredOn(a -> a.role().equals("GROUP_LEAD")).hasSize(1);
		assertThat(staff).filteredOn(a -> a.role().equals("TEACHER")).hasSize(2)
			.allSatisfy(a -> assertThat(a.teacherKey()).isNotNull());
		assertThat(staff).filteredOn(a -> a.role().equals("EXPERT")).hasSize(1);
	}

	@Test
	void termCalendarSkipsWeekendsAndHolidays() {
		assertThat(CALENDAR.schoolDays()).first().hasToString("2026-09-01");
		assertThat(CALENDAR.schoolDays()).last().hasToString("2026-11-20");
		assertThat(CALENDAR.schoolDays()).extracting(Object::toString)
			.doesNotContain("2026-09-05", "2026-09-25", "2026-10-01", "2026-10-07");
	}

	@Test
	void weeklyPdMeetsEveryWeekInEveryBigGroup() {
		for (School school : county.schools()) {
			List<DemoCounty.WeeklySlot> slots = school.activities().weeklySlots();
			assertThat(slots).extracting(DemoCounty.WeeklySlot::subject).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(school.subjects().stream()
					.filter(s -> school.teachers().stream().filter(t -> t.subject().equals(s)).count() >= 3)
					.toList());
			for (DemoCounty.WeeklySlot slot : slots) {
				List<String> group = school.teachers().stream().filter(t -> t.subject().equals(slot.subject()))
					.map(Teacher::key).toList();
				assertThat(group).contains(slot.hostKey());
				assertThat(slot.form()).isIn("COLLECTIVE_PREPARATION", "THEMED_RESEARCH");
				assertThat(slot.attendance().keySet()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(day -> {
					assertThat(day.getDayOfWeek()).isEqualTo(slot.dayOfWeek());
					assertThat(CALENDAR.schoolDays()).contains(day);
				});
				assertThat(slot.cancelled()).isNotEmpty().allSatisfy((day, reason) -> {
					assertThat(CALENDAR.holiday(day)).isNotNull();
					assertThat(reason).contains("放假");
				});
				slot.attendance().values().forEach(marks -> {
					assertThat(marks).extracting(DemoCounty.Mark::teacherKey)
						.containsExactlyInAnyOrderElementsOf(group.stream().filter(k -> !k.equals(slot.hostKey())).toList());
					assertPlausible(marks, slot.durationMinutes());
				});
			}
		}
		List<DemoCounty.Mark> all = county.schools().stream()
			.flatMap(s -> s.activities().weeklySlots().stream())
			.flatMap(s -> s.attendance().values().stream())
			.flatMap(List::stream)
			.toList();
		assertThat(all.stream().filter(m -> m.mark().equals("PRESENT")).count()).isGreaterThan(all.size() * 8L / 10);
		assertThat(all).extracting(DemoCounty.Mark::mark).contains("LATE", "EXCUSED", "ABSENT");
	}

	@Test
	void handPlannedSessionsCoverEveryOtherForm() {
		Set<String> keys = new HashSet<>();
		for (School school : county.schools()) {
			List<DemoCounty.HandSession> sessions = school.activities().sessions();
			assertThat(sessions).extracting(DemoCounty.HandSession::form).contains("COLLECTIVE_PREPARATION", "LECTURE",
					"SALON", "READING_CLUB", "SAME_LESSON_DIFFERENT_DESIGNS");
			for (DemoCounty.HandSession s : sessions) {
				assertThat(keys.add(s.key())).isTrue();
				assertThat(s.key()).startsWith("demo-ses-" + school.code() + "-");
				assertThat(s.end()).isAfter(s.start());
				assertThat(s.participantKeys()).isNotEmpty().doesNotContain(s.hostKey()).doesNotHaveDuplicates();
				if (s.level().equals("SCHOOL")) {
					assertThat(s.participantKeys()).allSatisfy(k -> assertThat(k).startsWith(school.code() + "-t"));
				}
				if (s.start().toLocalDate().isAfter(CALENDAR.lastDay())) {
					assertThat(s.attendance()).isEmpty();
				}
				else {
					assertThat(s.attendance()).extracting(DemoCounty.Mark::teacherKey)
						.containsExactlyElementsOf(s.participantKeys());
					assertPlausible(s.attendance(), (int) java.time.Duration.between(s.start(), s.end()).toMinutes());
				}
			}
		}
		List<DemoCounty.HandSession> all = county.schools().stream().flatMap(s -> s.activities().sessions().stream()).toList();
		assertThat(all).extracting(DemoCounty.HandSession::form).contains("OPEN_LESSON");
		assertThat(all).filteredOn(s -> s.attendance().isEmpty()).as("a few lie ahead").hasSizeBetween(1, 6);
		assertThat(all).filteredOn(s -> s.form().equals("COLLECTIVE_PREPARATION")).allSatisfy(s -> assertThat(s.mainPreparerKey()).isNotNull());
		assertThat(all).filteredOn(s -> s.form().equals("SAME_LESSON_DIFFERENT_DESIGNS"))
			.allSatisfy(s -> assertThat(s.teachingTeacherKeys()).hasSize(2));
		assertThat(all).filteredOn(s -> s.form().equals("READING_CLUB")).allSatisfy(s -> assertThat(s.book().title()).isNotBlank());
		assertThat(all).filteredOn(s -> s.form().equals("OPEN_LESSON")).allSatisfy(s -> {
			assertThat(s.teachingTeacherKeys()).hasSize(1);
			assertThat(s.lessonKind()).isIn("OPEN", "DEMONSTRATION", "OBSERVATION", "REPORT");
		});
		assertThat(all).filteredOn(s -> List.of("COLLECTIVE_PREPARATION", "OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS")
			.contains(s.form())).allSatisfy(s -> assertThat(s.lessonContent()).isNotNull()
				.satisfies(l -> assertThat(List.of(l.subject(), l.grade(), l.title())).allSatisfy(v -> assertThat(v).isNotBlank())));
		assertThat(all).filteredOn(s -> !List.of("COLLECTIVE_PREPARATION", "OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS")
			.contains(s.form())).allSatisfy(s -> assertThat(s.lessonContent()).isNull());
		assertThat(all).filteredOn(s -> s.form().equals("LECTURE")).allSatisfy(s -> assertThat(s.speakerKey()).isNotNull());
	}

	@Test
	void submissionsAndAchievementsArePlausible() {
		LocalDate first = CALENDAR.firstDay();
		LocalDate last = CALENDAR.lastDay();
		Map<String, Long> notesPerTeacher = new java.util.HashMap<>();
		for (School school : county.schools()) {
			Set<String> ofSchool = school.teachers().stream().map(Teacher::key).collect(Collectors.toSet());
			DemoCounty.Activities a = school.activities();
			assertThat(a.reflections()).allSatisfy(r -> {
				assertThat(ofSchool).contains(r.teacherKey());
				assertThat(r.text().length()).isGreaterThanOrEqualTo(50);
				assertThat(r.writtenOn()).isBetween(first, last);
			});
			assertThat(a.readingNotes()).allSatisfy(n -> {
				assertThat(n.text().length()).isGreaterThanOrEqualTo(50);
				assertThat(n.bookTitle()).isNotBlank();
				assertThat(n.writtenOn()).isBetween(first, last);
				notesPerTeacher.merge(n.teacherKey(), 1L, Long::sum);
			});
			assertThat(a.papers()).allSatisfy(p -> {
				assertThat(ofSchool).containsAll(p.authorKeys());
				assertThat(p.authorKeys()).doesNotHaveDuplicates();
				assertThat(p.awardGrade() != null).isEqualTo(p.outletType().equals("AWARD"));
				assertThat(p.publishedOn()).isBetween(first, last);
			});
			assertThat(a.competitions()).allSatisfy(c -> assertThat(c.heldOn()).isBetween(first, last));
			assertThat(a.projects()).hasSize(2).allSatisfy(p -> {
				assertThat(ofSchool).contains(p.leaderKey()).containsAll(p.memberKeys());
				assertThat(p.memberKeys()).doesNotContain(p.leaderKey());
				LocalDate previous = p.appliedOn();
				List<String> order = List.of("APPROVED", "OPENED", "MIDTERM", "CONCLUDED");
				for (int i = 0; i < p.stages().size(); i++) {
					assertThat(p.stages().get(i).stage()).isEqualTo(order.get(i));
					assertThat(p.stages().get(i).on()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(last);
					previous = p.stages().get(i).on();
				}
			});
		}
		assertThat(notesPerTeacher.values()).contains(10L).allSatisfy(n -> assertThat(n).isBetween(1L, 10L));
		assertThat(notesPerTeacher.values().stream().filter(n -> n == 10).count())
			.as("some reach ten, most fewer")
			.isBetween(5L, notesPerTeacher.size() / 5L);
		List<DemoCounty.Paper> papers = county.schools().stream().flatMap(s -> s.activities().papers().stream()).toList();
		assertThat(papers).extracting(DemoCounty.Paper::outletType).contains("JOURNAL", "AWARD");
		assertThat(papers).extracting(DemoCounty.Paper::level).contains("SCHOOL", "TOWNSHIP", "COUNTY", "CITY", "PROVINCE");
		assertThat(papers).extracting(DemoCounty.Paper::kind).contains("PAPER", "CASE");
		List<DemoCounty.CompetitionResult> results = county.schools().stream()
			.flatMap(s -> s.activities().competitions().stream()).toList();
		assertThat(results).extracting(DemoCounty.CompetitionResult::kind).contains("QUALITY_LESSON", "BASIC_SKILLS");
		assertThat(results).extracting(DemoCounty.CompetitionResult::result).contains("FIRST", "PARTICIPATED");
		List<DemoCounty.ResearchProject> projects = county.schools().stream()
			.flatMap(s -> s.activities().projects().stream()).toList();
		assertThat(projects).extracting(p -> p.stages().get(p.stages().size() - 1).stage())
			.contains("OPENED", "MIDTERM", "CONCLUDED");
		assertThat(county.count(DemoCounty.Activities::evidenceCount)).isGreaterThan(20);
	}

	@Test
	void theShowcaseTeacherHasAVariedTerm() {
		DemoCounty.Showcase showcase = county.showcase();
		assertThat(showcase.username()).isEqualTo("cgyx.teacher1");
		assertThat(county.staff()).filteredOn(a -> a.username().equals("cgyx.teacher1"))
			.extracting(DemoCounty.StaffAccount::teacherKey).containsExactly(showcase.teacherKey());
		String key = showcase.teacherKey();
		School school = county.schools().stream().filter(s -> s.code().equals(showcase.schoolCode())).findFirst().orElseThrow();
		DemoCounty.Activities a = school.activities();
		assertThat(a.sessions()).filteredOn(s -> s.hostKey().equals(key)).extracting(DemoCounty.HandSession::form)
			.contains("SALON", "OPEN_LESSON");
		assertThat(a.sessions()).filteredOn(s -> s.hostKey().equals(key) && s.level().equals("TOWNSHIP")).singleElement()
			.satisfies(s -> assertThat(s.participantKeys()).anySatisfy(k -> assertThat(k).doesNotStartWith(school.code())));
		assertThat(a.readingNotes()).filteredOn(n -> n.teacherKey().equals(key)).hasSize(10)
			.extracting(DemoCounty.ReadingNote::bookTitle).doesNotHaveDuplicates();
		assertThat(a.reflections()).filteredOn(r -> r.teacherKey().equals(key)).extracting(DemoCounty.Reflection::kind)
			.containsExactlyInAnyOrder("teachingReflection", "educationNarrative", "caseStudy");
		assertThat(a.papers()).filteredOn(p -> p.authorKeys().contains(key)).hasSize(2);
		assertThat(a.competitions()).filteredOn(c -> c.teacherKey().equals(key)).singleElement()
			.satisfies(c -> assertThat(c.evidence()).isNotNull());
		assertThat(a.projects()).filteredOn(p -> p.leaderKey().equals(key) || p.memberKeys().contains(key)).hasSize(2);
		assertThat(a.projects()).filteredOn(p -> p.leaderKey().equals(key)).singleElement()
			.satisfies(p -> assertThat(p.stages()).last().extracting(DemoCounty.StageStep::stage).isEqualTo("CONCLUDED"));
		assertThat(school.observations()).filteredOn(o -> o.observerKey().equals(key)).hasSize(6);
	}

	@Test
	void sessionEvidenceIsPlausible() {
		for (School school : county.schools()) {
			DemoCounty.Activities a = school.activities();
			for (DemoCounty.WeeklySlot slot : a.weeklySlots()) {
				assertThat(slot.attendance().keySet()).containsAll(slot.minutes().keySet()).containsAll(slot.lessonPlans().keySet());
				if (slot.form().equals("THEMED_RESEARCH")) {
					assertThat(slot.minutes()).hasSize(3).allSatisfy((d, text) -> assertThat(text.length()).isBetween(20, 20000));
					assertThat(slot.lessonPlans()).isEmpty();
				}
				else {
					assertThat(slot.lessonPlans()).hasSize(2);
				}
			}
			for (DemoCounty.HandSession s : a.sessions()) {
				assertThat(s.lessonPlan().isEmpty()).isEqualTo(!s.form().equals("COLLECTIVE_PREPARATION"));
				if (s.minutes() != null) {
					assertThat(s.attendance()).as("minutes only of held sessions").isNotEmpty();
				}
			}
			Map<String, DemoCounty.HandSession> byKey = a.sessions().stream()
				.collect(Collectors.toMap(DemoCounty.HandSession::key, Function.identity()));
			assertThat(a.sessionObservations()).allSatisfy(l -> {
				DemoCounty.HandSession s = byKey.get(l.sessionKey());
				assertThat(s.form()).isIn("OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS");
				assertThat(s.attendance()).isNotEmpty();
				assertThat(s.teachingTeacherKeys()).contains(l.observation().teacherKey());
				assertThat(s.participantKeys()).contains(l.observation().observerKey());
				assertThat(l.observation().observerKey()).startsWith(school.code() + "-t");
				assertThat(l.observation().observedAt().toLocalDate()).isEqualTo(s.start().toLocalDate());
				assertThat(l.observation().key()).startsWith("demo-lobs-" + school.code() + "-");
			});
		}
		assertThat(county.count(a -> a.sessionObservations().size())).isGreaterThan(50);
	}

	@Test
	void teacherRecordsArePlausible() {
		LocalDate first = CALENDAR.firstDay();
		LocalDate last = CALENDAR.lastDay();
		for (School school : county.schools()) {
			Map<String, Teacher> ofSchool = school.teachers().stream().collect(Collectors.toMap(Teacher::key, Function.identity()));
			DemoCounty.Activities a = school.activities();
			assertThat(a.onlineStudies()).allSatisfy(o -> {
				assertThat(ofSchool).containsKey(o.teacherKey());
				assertThat(o.hours() * 2).isEqualTo(Math.rint(o.hours() * 2));
				assertThat(o.hours()).isBetween(0.5, 200.0);
				assertThat(o.completedOn()).isBetween(first, last);
			});
			assertThat(a.externalTrainings()).allSatisfy(t -> {
				assertThat(t.level()).isIn("COUNTY", "CITY", "PROVINCE", "NATIONAL");
				assertThat(t.startDate()).isAfterOrEqualTo(first);
				assertThat(t.endDate()).isAfterOrEqualTo(t.startDate()).isBeforeOrEqualTo(last);
				assertThat(t.hours()).isLessThanOrEqualTo(24.0 * (t.endDate().toEpochDay() - t.startDate().toEpochDay() + 1));
				assertThat(t.certificate()).isNotNull();
			});
			assertThat(a.mentorships()).extracting(DemoCounty.Mentorship::menteeKey).doesNotHaveDuplicates();
			assertThat(a.mentorships()).allSatisfy(m -> {
				assertThat(m.schoolYear()).isEqualTo("2026-2027");
				assertThat(2026 - ofSchool.get(m.menteeKey()).birthYear()).isLessThanOrEqualTo(35);
				assertThat(ofSchool).containsKey(m.mentorKey());
				assertThat(m.mentorKey()).isNotEqualTo(m.menteeKey());
				assertThat(m.goals()).isNotEmpty();
				assertThat(m.checkpoints()).isNotEmpty().allSatisfy(c -> assertThat(c.on()).isAfterOrEqualTo(m.startedOn()).isBeforeOrEqualTo(last));
			});
			assertThat(a.skillProgrammes()).allSatisfy(p -> {
				assertThat(p.completions()).hasSizeLessThanOrEqualTo(p.modules().size()).isSorted()
					.allSatisfy(d -> assertThat(d).isAfterOrEqualTo(p.enrolledOn()).isBeforeOrEqualTo(last));
				if (p.passed() != null) {
					assertThat(p.completions()).hasSameSizeAs(p.modules());
					assertThat(p.resultOn()).isAfterOrEqualTo(p.completions().get(p.completions().size() - 1)).isBeforeOrEqualTo(last);
				}
			});
			assertThat(a.materials()).allSatisfy(m -> {
				assertThat(m.kind()).isIn("LESSON_PLAN_SET", "TEST_PAPER");
				assertThat(m.evidence()).isNotNull();
				assertThat(m.submittedOn()).isBetween(first, last);
			});
		}
		List<DemoCounty.SkillProgramme> programmes = county.schools().stream().flatMap(s -> s.activities().skillProgrammes().stream()).toList();
		assertThat(programmes).extracting(DemoCounty.SkillProgramme::passed).contains(null, true);
	}

	@Test
	void theShowcaseTeacherHasOneOfEachTeacherRecord() {
		String key = county.showcase().teacherKey();
		DemoCounty.Activities a = county.schools().stream().filter(s -> s.code().equals(county.showcase().schoolCode()))
			.findFirst().orElseThrow().activities();
		assertThat(a.onlineStudies()).filteredOn(o -> o.teacherKey().equals(key)).hasSize(2);
		assertThat(a.externalTrainings()).filteredOn(o -> o.teacherKey().equals(key)).hasSize(1);
		assertThat(a.mentorships()).filteredOn(m -> m.mentorKey().equals(key)).singleElement()
			.satisfies(m -> assertThat(m.checkpoints()).hasSize(3));
		assertThat(a.skillProgrammes()).filteredOn(p -> p.teacherKey().equals(key)).singleElement()
			.satisfies(p -> assertThat(p.passed()).isTrue());
		assertThat(a.materials()).filteredOn(m -> m.teacherKey().equals(key)).extracting(DemoCounty.TeachingMaterial::kind)
			.containsExactlyInAnyOrder("LESSON_PLAN_SET", "TEST_PAPER");
		assertThat(a.sessions()).filteredOn(s -> s.hostKey().equals(key)).allSatisfy(s -> assertThat(s.minutes()).isNotNull());
		assertThat(a.sessionObservations()).filteredOn(l -> l.observation().teacherKey().equals(key)).hasSize(4);
	}

	private static void assertPlausible(List<DemoCounty.Mark> marks, int duration) {
		for (DemoCounty.Mark m : marks) {
			switch (m.mark()) {
				case "PRESENT" -> assertThat(m.minutes()).isEqualTo(duration);
				case "LATE" -> assertThat(m.minutes()).isBetween(1, duration - 1);
				default -> {
					assertThat(m.mark()).isIn("ABSENT", "EXCUSED");
					assertThat(m.minutes()).isZero();
				}
			}
		}
	}
}
