package cn.xiaoben.launcher.demo;

/** School stage as the directory API spells it. */
public enum Stage {

	PRIMARY("小学"), JUNIOR("初中"), SENIOR("高中"), NINE_YEAR("九年一贯制");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
