package dev.verbatim.minutes;

import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted team meeting as the recogniser and sentence splitter would give it: lowercase words
 * with fillers and a few misrecognitions ("for cast", "data base"), capitalised and punctuated.
 * After a greeting it covers three topics in turn (the quarterly budget, the customer
 * documentation, the database migration) and ends with goodbyes. Each sentence lasts a few seconds
 * and has its own segment.
 */
final class ThreeTopicMeeting {

  /** Index of the first sentence of each topic. */
  static final int DOCUMENTATION_STARTS = 15;

  static final int MIGRATION_STARTS = 29;

  private static final String[][] LINES = {
    // greetings
    {"S1", "good morning everyone can you hear me okay"},
    {"S2", "yes we can hear you fine"},
    {"S1", "great thank you all for joining let's get started"},
    // 3: topic one, the budget
    {"S1", "so first item is the quarterly budget review for the marketing team"},
    {"S2", "um we are about ten percent over budget this quarter mostly because of travel costs"},
    {"S3", "the travel costs went up after the conference in berlin and the trade show"},
    {"S1", "okay so the budget review needs to explain the travel spending to finance"},
    {"S2", "i think we should cut the advertising spend to get the budget back on track"},
    {"S3", "uh the advertising campaign already has contracts signed so cutting it is hard"},
    {"S1", "what about the contractor invoices are they in the budget for cast"},
    {"S2", "yes the contractor invoices are in the forecast but the forecast was too optimistic"},
    {"S1", "then we update the budget forecast and send the revised numbers to finance"},
    {"S3", "i can prepare the revised budget spreadsheet with the travel costs split out"},
    {"S2", "good and let's freeze travel spending until the budget review is approved"},
    {"S1", "okay the budget freeze on travel is agreed"},
    // 15: topic two, the documentation
    {"S1", "next topic is the customer documentation for the new release"},
    {"S3", "customers keep complaining that the installation guide is out of date"},
    {"S2", "the screenshots in the installation guide still show the old dashboard"},
    {"S3", "um and the api reference is missing the new export endpoints"},
    {"S1", "who owns the customer documentation right now"},
    {"S2", "nobody really owns it since priya moved to the mobile team"},
    {"S3", "i could take over the customer documentation and update the installation guide"},
    {"S1", "great please start with the screenshots and the api reference pages"},
    {"S2", "we should also add a troubleshooting section for the common installation errors"},
    {"S3", "the support tickets show the same installation errors every week"},
    {"S2", "so the troubleshooting section could cut support tickets a lot"},
    {"S1", "let's aim to publish the updated customer documentation before the release"},
    {"S3", "yeah the documentation will be ready by the end of next week"},
    {"S1", "okay good"},
    // 29: topic three, the database migration
    {"S1", "last item is the database migration to the new postgres cluster"},
    {"S2", "the migration scripts are tested on the staging database"},
    {"S3", "how long will the database be down during the migration"},
    {"S2", "we expect about two hours of downtime for the migration"},
    {"S1", "two hours of downtime is too long on a weekday so let's migrate on saturday"},
    {"S2", "uh we need a full backup of the production database before the migration starts"},
    {"S3", "the backup takes about forty minutes and we should test the restore too"},
    {"S2", "i'll write the rollback plan in case the postgres cluster has problems"},
    {"S1", "and we must tell customers about the maintenance window for the migration"},
    {"S3", "i can draft the maintenance notice and send it on wednesday"},
    {"S2", "the new cluster should make the data base queries much faster"},
    // 40: goodbyes
    {"S1", "okay i think that's everything for today"},
    {"S2", "thanks everyone see you tomorrow"},
    {"S3", "bye"},
  };

  private ThreeTopicMeeting() {}

  static List<Sentence> sentences() {
    List<Sentence> sentences = new ArrayList<>();
    long t = 2_000;
    for (int i = 0; i < LINES.length; i++) {
      String words = LINES[i][1];
      // About 2.2 words a second, as people speak in meetings, and a short pause between turns.
      long duration = Math.max(1_000, words.split(" ").length * 450L);
      sentences.add(sentence(i, LINES[i][0], t, t + duration, words));
      t += duration + 700;
    }
    return sentences;
  }

  /** A sentence as the splitter writes it: capitalised, with a full stop or a question mark. */
  static Sentence sentence(int index, String speaker, long startMs, long endMs, String words) {
    boolean question =
        words.startsWith("what ") || words.startsWith("who ") || words.startsWith("how ");
    String text =
        Character.toUpperCase(words.charAt(0)) + words.substring(1) + (question ? "?" : ".");
    return new Sentence(
        "t" + index, speaker, startMs, endMs, text, question, List.of("seg-" + index));
  }
}
