package cn.xiaoben.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The demo county as a plan: what the loader creates through the gateway. Pure data, fully deterministic. */
public record DemoCounty(String name, List<Township> townships, List<StaffAccount> staff, Showcase showcase) {

	public List<School> schools() {
		return townships.stream().flatMap(t -> t.schools().stream()).toList();
	}

	public int teacherCount() {
		return schools().stream().mapToInt(s -> s.teachers().size()).sum();
	}

	public int observationCount() {
		return schools().stream().mapToInt(s -> s.observations().size()).sum();
	}

	/** Sums one kind of activity over all schools, e.g. {@code count(a -> a.papers().size())}. */
	public int count(java.util.function.ToIntFunction<Activities> what) {
		return schools().stream().mapToInt(s -> what.applyAsInt(s.activities())).sum();
	}

	/** @param code ASCII code (pinyin), used in usernames and idempotency keys */
	public record Township(String code, String name, List<School> schools) {
	}

	public record School(String code, String name, Stage stage, String townshipCode, List<String> subjects,
			List<Teacher> teachers, List<Observation> observations, Activities activities) {

		public static String groupName(String subject) {
			return subject + "教研组";
		}
	}

	/**
	 * @param key stable key within the demo ({@code <school>-t01}); {@code grade} is the grade the teacher
	 * teaches this term; {@code quality} drives the observation scores
	 */
	public record Teacher(String key, String name, String gender, String subject, String title, int birthYear,
			String grade, int quality) {
	}

	/** One lesson observation record: {@code observer} watched {@code teacher}'s lesson. */
	public record Observation(String key, String observerKey, String teacherKey, String subject, String grade,
			String topic, OffsetDateTime observedAt, int durationMinutes, Map<String, Integer> scores,
			String comment) {
	}

	/**
	 * A staff login. {@code townshipCode}, {@code schoolCode} and {@code teacherKey} are resolved to ids by the
	 * loader.
	 */
	public record StaffAccount(String username, String displayName, String role, String townshipCode,
			String schoolCode, String teacherKey, String scope) {
	}

	/** The teacher whose portfolio shows the richest year ({@code username} is their TEACHER login). */
	public record Showcase(String username, String schoolCode, String teacherKey) {
	}

	/** Everything else a school records in the term besides lesson observations. */
	public record Activities(List<WeeklySlot> weeklySlots, List<HandSession> sessions, List<Reflection> reflections,
			List<ReadingNote> readingNotes, List<Paper> papers, List<CompetitionResult> competitions,
			List<ResearchProject> projects, List<LinkedObservation> sessionObservations,
			List<OnlineStudy> onlineStudies, List<ExternalTraining> externalTrainings, List<Mentorship> mentorships,
			List<SkillProgramme> skillProgrammes, List<TeachingMaterial> materials) {

		/** Weekly-slot sessions that are held (attendance uploaded). */
		public int heldSlotSessions() {
			return weeklySlots.stream().mapToInt(s -> s.attendance().size()).sum();
		}

		public int evidenceCount() {
			return (int) (papers.stream().filter(p -> p.evidence() != null).count()
					+ competitions.stream().filter(c -> c.evidence() != null).count()
					+ projects.stream().flatMap(p -> p.stages().stream()).filter(s -> s.evidence() != null).count())
					+ externalTrainings.size() + materials.size() + lessonPlanRevisions();
		}

		/** Lesson plan revisions (集体备课 教案修改稿) of weekly and hand-planned collective preparations. */
		public int lessonPlanRevisions() {
			return weeklySlots.stream().mapToInt(s -> s.lessonPlans().values().stream().mapToInt(List::size).sum()).sum()
					+ sessions.stream().mapToInt(s -> s.lessonPlan().size()).sum();
		}

		/** Minutes (纪要) of held weekly and hand-planned sessions. */
		public int minutesCount() {
			return weeklySlots.stream().mapToInt(s -> s.minutes().size()).sum()
					+ (int) sessions.stream().filter(s -> s.minutes() != null).count();
		}

		public int checkpointCount() {
			return mentorships.stream().mapToInt(m -> m.checkpoints().size()).sum();
		}

		/** Module completions and programme results. */
		public int skillSteps() {
			return skillProgrammes.stream().mapToInt(p -> p.completions().size() + (p.passed() == null ? 0 : 1)).sum();
		}
	}

	/** One attendance line: {@code mark} PRESENT / LATE / EXCUSED / ABSENT with the minutes attended. */
	public record Mark(String teacherKey, String mark, int minutes) {
	}

	/**
	 * A subject group's fixed weekly PD time (每周固定研修时间). The service plans one session per week from it; the
	 * sessions of {@code attendance}'s dates are held with those marks, those of {@code cancelled}'s dates are
	 * cancelled with that reason, later ones stay planned.
	 */
	public record WeeklySlot(String subject, DayOfWeek dayOfWeek, LocalTime start, int durationMinutes, String place,
			String hostKey, String form, String topic, Map<LocalDate, List<Mark>> attendance,
			Map<LocalDate, String> cancelled, Map<LocalDate, String> minutes,
			Map<LocalDate, List<PlanRevision>> lessonPlans) {

		WeeklySlot withEvidence(Map<LocalDate, String> minutes, Map<LocalDate, List<PlanRevision>> lessonPlans) {
			return new WeeklySlot(subject, dayOfWeek, start, durationMinutes, place, hostKey, form, topic, attendance,
					cancelled, minutes, lessonPlans);
		}
	}

	/**
	 * A session planned by hand. {@code attendance} empty: it lies ahead and stays planned. The form-specific
	 * details ({@code speakerKey} … {@code book}) are what the form asks for ({@link SessionBodies} maps them);
	 * {@code lessonKind} is the API's OPEN / DEMONSTRATION / OBSERVATION / REPORT. {@code minutes} (null: none) and
	 * {@code lessonPlan} are the evidence recorded once it is held (minutes) or while it is prepared (lesson plan).
	 *
	 * @param participantKeys teacher keys, possibly of other schools for a township-level session
	 */
	public record HandSession(String key, String form, String topic, String level, String hostKey, String subject,
			OffsetDateTime start, OffsetDateTime end, String place, List<String> participantKeys,
			List<Mark> attendance, String speakerKey, String mainPreparerKey, List<String> teachingTeacherKeys,
			String lessonKind, Lesson lessonContent, Book book, String minutes, List<PlanRevision> lessonPlan) {

		HandSession withEvidence(String minutes, List<PlanRevision> lessonPlan) {
			return new HandSession(key, form, topic, level, hostKey, subject, start, end, place, participantKeys,
					attendance, speakerKey, mainPreparerKey, teachingTeacherKeys, lessonKind, lessonContent, book,
					minutes, List.copyOf(lessonPlan));
		}
	}

	/** The lesson of a collective preparation, a 同课异构 or an open lesson. */
	public record Lesson(String subject, String grade, String title) {

		@Override
		public String toString() {
			return grade + "《" + title + "》";
		}
	}

	/** The book a reading club discusses. */
	public record Book(String title, String author, String chapters) {
	}

	/** One lesson plan revision (初稿, 修改稿 …): an uploaded PDF and what changed. */
	public record PlanRevision(Evidence evidence, String note) {
	}

	/** A lesson observation of a held open lesson / 同课异构, linked to it ({@code sessionKey}: a hand session). */
	public record LinkedObservation(String sessionKey, Observation observation) {
	}

	/** 网络研修: a course completed online; {@code hours} in steps of 0.5. */
	public record OnlineStudy(String key, String teacherKey, String platform, String course, double hours,
			LocalDate completedOn) {
	}

	/** 外出培训 / 外出听课 (kind TRAINING / OBSERVATION), claimed with a certificate. */
	public record ExternalTraining(String key, String teacherKey, String kind, String title, String organizer,
			String level, String place, LocalDate startDate, LocalDate endDate, double hours, Evidence certificate) {
	}

	/** 师徒结对 for the school year, with its checkpoints. */
	public record Mentorship(String key, String mentorKey, String menteeKey, String schoolYear, List<String> goals,
			LocalDate startedOn, List<Checkpoint> checkpoints) {
	}

	public record Checkpoint(LocalDate on, String kind, String note) {
	}

	/**
	 * A skill programme: {@code completions} are the dates of modules 1, 2, … completed; {@code passed} null while no
	 * result is recorded.
	 */
	public record SkillProgramme(String key, String teacherKey, String programme, String level, List<String> modules,
			LocalDate enrolledOn, List<LocalDate> completions, Boolean passed, LocalDate resultOn, Integer score) {
	}

	/** 一套完整教案 (LESSON_PLAN_SET) or 一份试卷 (TEST_PAPER), handed in as a PDF. */
	public record TeachingMaterial(String key, String teacherKey, String kind, String title, String subject,
			String grade, LocalDate submittedOn, Evidence evidence) {
	}

	/** A small PDF uploaded as evidence (证书 / 材料); {@code key} names it in the credentials file. */
	public record Evidence(String key, String filename, String title) {
	}

	public record Reflection(String key, String teacherKey, String kind, String title, String text,
			LocalDate writtenOn) {
	}

	public record ReadingNote(String key, String teacherKey, String kind, String title, String bookTitle,
			String bookAuthor, String chapters, String text, LocalDate writtenOn) {
	}

	public record Paper(String key, List<String> authorKeys, String title, String kind, String outletType,
			String outletName, String level, String awardGrade, LocalDate publishedOn, Evidence evidence) {
	}

	public record CompetitionResult(String key, String teacherKey, String competition, String kind, String level,
			String result, LocalDate heldOn, Evidence evidence) {
	}

	public record ResearchProject(String key, String title, String level, String subject, String leaderKey,
			List<String> memberKeys, LocalDate appliedOn, List<StageStep> stages) {
	}

	public record StageStep(String stage, LocalDate on, String note, Evidence evidence) {
	}
}
