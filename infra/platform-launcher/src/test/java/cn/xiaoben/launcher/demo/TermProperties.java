package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.xiaoben.launcher.demo.DemoCounty.Activities;
import cn.xiaoben.launcher.demo.DemoCounty.HandSession;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;

/**
 * What holds for the demo county of any term: its calendar follows the term rule; every activity lies on a school
 * day of the term (no weekend, no holiday), every other dated record (a module finished on an online platform, the
 * last day of a training, a mentor's checkpoint, a project's stage) inside the term; all of it up to the last day,
 * before the demo's "now" and the reference day; what is still planned lies after "now"; the county has the same
 * shape as the README's.
 */
final class TermProperties {

	/** A dated record of the plan: what it is, the day it happened on, whether that is a school day's activity. */
	private record Dated(String what, LocalDate day, boolean onASchoolDay) {

		Dated(String what, LocalDate day) {
			this(what, day, true);
		}

		static Dated anyDay(String what, LocalDate day) {
			return new Dated(what, day, false);
		}
	}

	private TermProperties() {
	}

	static void assertCalendar(TermCalendar calendar, LocalDate reference) {
		LocalDate first = calendar.firstDay();
		LocalDate last = calendar.lastDay();
		assertThat(calendar.demoNow().toLocalDate()).isBeforeOrEqualTo(reference);
		assertThat(TermCalendar.of(calendar.year() + 1).demoNow().toLocalDate()).as("the latest such term").isAfter(reference);
		assertThat(first).isBetween(LocalDate.of(calendar.year(), 9, 1), LocalDate.of(calendar.year(), 9, 3));
		assertThat(first.getDayOfWeek()).isLessThanOrEqualTo(DayOfWeek.FRIDAY);
		assertThat(last.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(ChronoUnit.WEEKS.between(first.with(DayOfWeek.MONDAY), last)).as("12 teaching weeks").isEqualTo(11);
		assertThat(calendar.planUntil()).isEqualTo(last.plusDays(7));
		assertThat(calendar.demoNow().toLocalDate()).isEqualTo(last.plusDays(2));
		assertThat(calendar.demoNow().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(calendar.demoNow().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		assertThat(calendar.schoolYear()).isEqualTo(calendar.year() + "-" + (calendar.year() + 1));
		assertThat(calendar.schoolDays()).first().isEqualTo(first);
		assertThat(calendar.schoolDays()).last().isEqualTo(last);
		assertThat(calendar.schoolDays()).isSorted().doesNotHaveDuplicates().allSatisfy(day -> {
			assertThat(day).isBetween(first, last);
			assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			assertThat(calendar.holiday(day)).isNull();
		});
		for (int d = 1; d <= 7; d++) {
			LocalDate nationalDay = LocalDate.of(calendar.year(), 10, d);
			assertThat(calendar.schoolDays()).doesNotContain(nationalDay);
			if (nationalDay.getDayOfWeek().getValue() <= 5) {
				assertThat(calendar.holiday(nationalDay)).isEqualTo("国庆节");
			}
		}
		LocalDate midAutumn = TermCalendar.MID_AUTUMN.get(calendar.year());
		if (midAutumn != null) {
			assertThat(calendar.schoolDays()).doesNotContain(midAutumn);
		}
		long weekdays = first.datesUntil(last.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5).count();
		assertThat(calendar.schoolDays().size()).isBetween((int) weekdays - 6, (int) weekdays - 5);
	}

	static void assertCounty(DemoCounty county, TermCalendar calendar, LocalDate reference) {
		OffsetDateTime now = calendar.demoNow();
		assertThat(now.toLocalDate()).isBeforeOrEqualTo(reference);
		List<Dated> happened = happened(county);
		for (Dated dated : happened) {
			assertThat(dated.day()).as(dated.what()).isBetween(calendar.firstDay(), calendar.lastDay())
				.isBefore(now.toLocalDate());
			if (dated.onASchoolDay()) {
				assertThat(calendar.schoolDays()).as("%s on a school day (no weekend, no holiday)", dated.what())
					.contains(dated.day());
			}
		}
		assertThat(happened.stream().filter(Dated::onASchoolDay).count()).isGreaterThan(4000);
		for (School school : county.schools()) {
			Activities a = school.activities();
			for (DemoCounty.WeeklySlot slot : a.weeklySlots()) {
				assertThat(slot.attendance().keySet()).allSatisfy(day -> assertThat(calendar.schoolDays()).contains(day));
				assertThat(slot.cancelled()).isNotEmpty().allSatisfy((day, reason) -> {
					assertThat(calendar.holiday(day)).isNotNull();
					assertThat(reason).startsWith(calendar.holiday(day));
				});
				LocalDate coming = calendar.lastDay().plusDays(3).with(slot.dayOfWeek());
				assertThat(coming).as("the coming week's session, still planned").isAfter(now.toLocalDate())
					.isBeforeOrEqualTo(calendar.planUntil());
				assertThat(slot.attendance()).doesNotContainKey(coming);
				assertThat(slot.attendance().size() + slot.cancelled().size()).as("every week of the term")
					.isEqualTo(TermCalendar.TEACHING_WEEKS - (calendar.firstDay().getDayOfWeek().compareTo(slot.dayOfWeek()) > 0 ? 1 : 0));
			}
			for (HandSession s : a.sessions()) {
				if (s.attendance().isEmpty()) {
					assertThat(s.start()).as("a session still ahead").isAfter(now);
				}
				else {
					assertThat(s.end()).as("a held session").isBefore(now);
				}
			}
			for (Teacher teacher : school.teachers()) {
				assertThat(calendar.year() - teacher.birthYear()).as("age").isBetween(26, 61);
			}
			Map<String, Teacher> byKey = school.teachers().stream().collect(Collectors.toMap(Teacher::key, Function.identity()));
			assertThat(a.mentorships()).allSatisfy(m -> {
				assertThat(m.schoolYear()).isEqualTo(calendar.schoolYear());
				assertThat(calendar.year() - byKey.get(m.menteeKey()).birthYear()).isLessThanOrEqualTo(TeacherRecordPlanner.YOUNG_MAX_AGE);
			});
			assertThat(a.projects()).allSatisfy(p -> {
				LocalDate previous = p.appliedOn();
				for (DemoCounty.StageStep step : p.stages()) {
					assertThat(step.on()).isAfterOrEqualTo(previous);
					previous = step.on();
				}
			});
		}
		assertShape(county, calendar);
	}

	/** The README's county, in any term: the same schools and people, about the same number of each record. */
	private static void assertShape(DemoCounty county, TermCalendar calendar) {
		assertThat(county.townships()).hasSize(3);
		assertThat(county.schools()).hasSize(12).allSatisfy(s -> assertThat(s.teachers()).hasSize(34));
		assertThat(county.observationCount()).isEqualTo(2448).isGreaterThan(2000);
		assertThat(county.count(a -> a.sessionObservations().size())).isBetween(90, 130);
		assertThat(county.count(a -> a.weeklySlots().size())).isEqualTo(51);
		assertThat(county.count(Activities::heldSlotSessions)).isBetween(480, 600);
		assertThat(county.count(a -> a.sessions().size())).isEqualTo(78);
		assertThat(county.count(a -> (int) a.sessions().stream().filter(s -> s.attendance().isEmpty()).count())).isEqualTo(4);
		assertThat(county.count(a -> a.reflections().size())).isBetween(330, 470);
		assertThat(county.count(a -> a.readingNotes().size())).isBetween(700, 1000);
		assertThat(county.count(a -> a.papers().size())).isBetween(50, 95);
		assertThat(county.count(a -> a.competitions().size())).isBetween(25, 60);
		assertThat(county.count(a -> a.projects().size())).isEqualTo(24);
		assertThat(county.count(a -> a.onlineStudies().size())).isBetween(200, 330);
		assertThat(county.count(a -> a.externalTrainings().size())).isBetween(30, 75);
		assertThat(county.count(a -> a.mentorships().size())).isBetween(30, 36);
		assertThat(county.count(a -> a.skillProgrammes().size())).isBetween(40, 90);
		assertThat(county.count(a -> a.materials().size())).isBetween(90, 180);
		assertThat(county.staff()).hasSize(20);
		assertThat(county.showcase().username()).isEqualTo(DemoCountyGenerator.SHOWCASE_USERNAME);
		assertThat(county.schools().get(0).activities().readingNotes())
			.filteredOn(n -> n.teacherKey().equals(county.showcase().teacherKey())).hasSize(10);
		assertThat(calendar.schoolDays()).hasSizeBetween(50, 56);
	}

	/** Every record of the plan that has happened, with its day. */
	private static List<Dated> happened(DemoCounty county) {
		List<Dated> dated = new ArrayList<>();
		for (School school : county.schools()) {
			Activities a = school.activities();
			school.observations().forEach(o -> dated.add(new Dated(o.key(), o.observedAt().toLocalDate())));
			a.sessionObservations().forEach(l -> dated.add(new Dated(l.observation().key(), l.observation().observedAt().toLocalDate())));
			a.weeklySlots().forEach(s -> s.attendance().keySet().forEach(d -> dated.add(new Dated("weekly " + s.subject(), d))));
			a.sessions().stream().filter(s -> !s.attendance().isEmpty())
				.forEach(s -> dated.add(new Dated(s.key(), s.start().toLocalDate())));
			a.reflections().forEach(r -> dated.add(new Dated(r.key(), r.writtenOn())));
			a.readingNotes().forEach(n -> dated.add(new Dated(n.key(), n.writtenOn())));
			a.papers().forEach(p -> dated.add(new Dated(p.key(), p.publishedOn())));
			a.competitions().forEach(c -> dated.add(new Dated(c.key(), c.heldOn())));
			a.projects().forEach(p -> {
				dated.add(Dated.anyDay(p.key(), p.appliedOn()));
				p.stages().forEach(st -> dated.add(Dated.anyDay(p.key() + " " + st.stage(), st.on())));
			});
			a.onlineStudies().forEach(o -> dated.add(new Dated(o.key(), o.completedOn())));
			a.externalTrainings().forEach(t -> {
				dated.add(new Dated(t.key(), t.startDate()));
				dated.add(Dated.anyDay(t.key() + " end", t.endDate()));
			});
			a.mentorships().forEach(m -> {
				dated.add(new Dated(m.key(), m.startedOn()));
				m.checkpoints().forEach(c -> dated.add(Dated.anyDay(m.key() + " " + c.kind(), c.on())));
			});
			a.skillProgrammes().forEach(p -> {
				dated.add(Dated.anyDay(p.key(), p.enrolledOn()));
				p.completions().forEach(d -> dated.add(Dated.anyDay(p.key() + " module", d)));
				if (p.resultOn() != null) {
					dated.add(Dated.anyDay(p.key() + " result", p.resultOn()));
				}
			});
			a.materials().forEach(m -> dated.add(new Dated(m.key(), m.submittedOn())));
		}
		return dated;
	}
}
