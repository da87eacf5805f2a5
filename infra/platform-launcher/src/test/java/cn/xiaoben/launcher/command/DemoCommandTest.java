package cn.xiaoben.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.xiaoben.launcher.demo.DemoCredentials;
import cn.xiaoben.launcher.demo.DemoLoadException;

/** Which term {@code demo} / {@code up} loads, for a fixed "today" (never the wall clock). */
class DemoCommandTest {

	private static final LocalDate TODAY = LocalDate.parse("2027-12-08");

	@Test
	void todayGivesTheLatestTermThatHasHappened() {
		assertThat(DemoCommand.calendar(null, new DemoCredentials(), TODAY).year()).isEqualTo(2027);
		assertThat(DemoCommand.calendar(null, new DemoCredentials(), LocalDate.parse("2027-09-01")).year()).isEqualTo(2026);
	}

	@Test
	void aDemoDatePicksAnotherTerm() {
		assertThat(DemoCommand.calendar(LocalDate.parse("2027-01-15"), new DemoCredentials(), TODAY).year())
			.isEqualTo(2026);
	}

	@Test
	void aRerunKeepsTheTermTheVarDirectoryHolds() {
		DemoCredentials loaded = new DemoCredentials();
		loaded.termYear = 2026;
		assertThat(DemoCommand.calendar(null, loaded, TODAY).year()).isEqualTo(2026);
		assertThat(DemoCommand.calendar(LocalDate.parse("2027-03-01"), loaded, TODAY).year()).isEqualTo(2026);
		assertThatThrownBy(() -> DemoCommand.calendar(TODAY, loaded, TODAY)).isInstanceOf(DemoLoadException.class)
			.hasMessageContaining("autumn term 2026");

		DemoCredentials writtenBeforeTheTermWasRecorded = new DemoCredentials();
		writtenBeforeTheTermWasRecorded.school("cgyx");
		assertThat(DemoCommand.calendar(null, writtenBeforeTheTermWasRecorded, TODAY).year()).isEqualTo(2026);
	}

	@Test
	void aTermWhoseNowIsStillAheadIsRefused() {
		assertThatThrownBy(() -> DemoCommand.calendar(LocalDate.parse("2028-12-01"), new DemoCredentials(), TODAY))
			.isInstanceOf(DemoLoadException.class)
			.hasMessageContaining("after today");
	}
}
