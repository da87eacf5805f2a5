package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermCalendarTest {

	@Test
	void theTermOf2026IsTheOneThePlanWasWrittenFor() {
		TermCalendar calendar = TermCalendar.of(2026);

		assertThat(calendar.firstDay()).hasToString("2026-09-01");
		assertThat(calendar.lastDay()).hasToString("2026-11-20");
		assertThat(calendar.planUntil()).hasToString("2026-11-27");
		assertThat(calendar.demoNow()).isEqualTo(OffsetDateTime.parse("2026-11-22T12:00+08:00"));
		assertThat(calendar.schoolYear()).isEqualTo("2026-2027");
		assertThat(calendar.holiday(LocalDate.parse("2026-09-25"))).isEqualTo("中秋节");
		assertThat(calendar.holiday(LocalDate.parse("2026-10-01"))).isEqualTo("国庆节");
		assertThat(calendar.holiday(LocalDate.parse("2026-10-03"))).as("a Saturday is no day off").isNull();
		assertThat(calendar.holiday(LocalDate.parse("2026-10-08"))).isNull();
		assertThat(calendar.schoolDays()).hasSize(53);
		for (LocalDate day = LocalDate.parse("2026-08-01"); day.isBefore(LocalDate.parse("2027-01-01")); day = day.plusDays(1)) {
			if (!day.isBefore(calendar.firstDay()) && calendar.holiday(day) == null) {
				assertThat(calendar.shift(day)).as("the plan's own term stays as it is").isEqualTo(day);
			}
		}
	}

	/** First day, last day (Friday of teaching week 12), "now" (the Sunday after) for 1 September on each weekday. */
	@ParameterizedTest
	@CsvSource({ "2025, 2025-09-01, 2025-11-21", // Monday
			"2026, 2026-09-01, 2026-11-20", // Tuesday
			"2027, 2027-09-01, 2027-11-19", // Wednesday
			"2033, 2033-09-01, 2033-11-18", // Thursday
			"2028, 2028-09-01, 2028-11-17", // Friday
			"2029, 2029-09-03, 2029-11-23", // Saturday: term starts on Monday 3 September
			"2030, 2030-09-02, 2030-11-22" }) // Sunday
	void weekOneIsTheWeekOfTheFirstDay(int year, LocalDate first, LocalDate last) {
		TermCalendar calendar = TermCalendar.of(year);

		assertThat(calendar.firstDay()).isEqualTo(first);
		assertThat(calendar.lastDay()).isEqualTo(last);
		assertThat(calendar.planUntil()).isEqualTo(last.plusDays(7));
		assertThat(calendar.demoNow().toLocalDate()).isEqualTo(last.plusDays(2));
	}

	@ParameterizedTest
	@CsvSource({ "2026-12-08, 2026", "2026-11-22, 2026", "2026-11-21, 2025", "2027-08-31, 2026", "2027-09-01, 2026",
			"2027-12-31, 2027", "2028-01-31, 2027" })
	void aReferenceDayGivesTheLatestTermWhoseNowHasCome(LocalDate reference, int year) {
		assertThat(TermCalendar.forReference(reference).year()).isEqualTo(year);
	}

	@Test
	void holidaysComeFromTheTableAndNationalDay() {
		TermCalendar y2027 = TermCalendar.of(2027);
		assertThat(y2027.holiday(LocalDate.parse("2027-09-15"))).isEqualTo("中秋节");
		assertThat(y2027.schoolDays()).doesNotContain(LocalDate.parse("2027-09-15"), LocalDate.parse("2027-10-01"),
				LocalDate.parse("2027-10-07"));
		assertThat(TermCalendar.of(2028).holiday(LocalDate.parse("2028-10-03"))).as("Mid-Autumn in National Day week")
			.isEqualTo("国庆节");
		TermCalendar outsideTheTable = TermCalendar.of(2036);
		assertThat(outsideTheTable.schoolDays()).noneMatch(d -> d.getMonthValue() == 9 && outsideTheTable.holiday(d) != null);
		assertThat(outsideTheTable.holiday(LocalDate.parse("2036-10-01"))).isEqualTo("国庆节");
	}

	@Test
	void aPlannedDateMovesByWholeWeeksAndOffHolidays() {
		TermCalendar y2027 = TermCalendar.of(2027);
		assertThat(y2027.shift(LocalDate.parse("2026-10-21"))).as("same weekday, same teaching week").hasToString("2027-10-20");
		assertThat(y2027.shift(LocalDate.parse("2026-09-16"))).as("Mid-Autumn 2027 → the next school day")
			.hasToString("2027-09-16");
		assertThat(TermCalendar.of(2028).shift(LocalDate.parse("2026-09-02"))).as("not before the first day")
			.hasToString("2028-09-01");
		assertThat(TermCalendar.of(2029).shift(LocalDate.parse("2026-12-02"))).hasToString("2029-12-05");
	}
}
