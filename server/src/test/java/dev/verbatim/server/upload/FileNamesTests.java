package dev.verbatim.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

  @Test
  void hostileNamesBecomeHarmlessFileNames() {
    assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.safe("C:\\Users\\ana\\standup.m4a")).isEqualTo("standup.m4a");
    assertThat(FileNames.safe("<img src=x onerror=alert(1)>.mp3"))
        .isEqualTo("img_src_x_onerror_alert_1__.mp3");
    assertThat(FileNames.safe("<script>alert(1)</script>.mp3")).isEqualTo("script_.mp3");
    assertThat(FileNames.safe("..")).isEqualTo("recording");
    assertThat(FileNames.safe("réunion d'équipe.ogg")).isEqualTo("reunion_d_equipe.ogg");
    assertThat(FileNames.safe("a".repeat(300) + ".flac")).hasSize(100).endsWith(".flac");
    assertThat(FileNames.safe("weekly..final.wav")).isEqualTo("weekly.final.wav");
    assertThat(FileNames.safe("a".repeat(95) + "....wav")).doesNotContain("..");
  }

  @Test
  void titlesKeepTheUploadersWordsWithoutFoldersOrExtension() {
    assertThat(FileNames.title("/home/ana/Weekly sync – Q3.mp4")).isEqualTo("Weekly sync – Q3");
    assertThat(FileNames.title("line\nbreak.wav")).isEqualTo("line break");
    assertThat(FileNames.title(".mp3")).isEqualTo(".mp3");
    assertThat(FileNames.title("")).isEqualTo("Recording");
  }

  @Test
  void titlesLoseControlAndDirectionCharactersAndNeverHalfAnEmoji() {
    assertThat(FileNames.title("a\u0085b\u009bc.wav")).isEqualTo("a b c");
    assertThat(FileNames.title("invoice\u202Egpj.exe.wav")).isEqualTo("invoice gpj.exe");
    assertThat(FileNames.title("a".repeat(99) + "\uD83D\uDE00b.wav"))
        .hasSize(101)
        .endsWith("\uD83D\uDE00");
  }
}
