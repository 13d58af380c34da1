/** One answer of a graded attempt, as item analysis reads it. */
export interface ItemAnswer {
  questionId: string;
  selectedOptionIds: readonly string[];
  /** null = not gradable and not graded yet: not counted as answered. */
  isCorrect: boolean | null;
  pointsEarned: number;
  maxPoints: number;
}

export interface ItemFigures {
  questionId: string;
  /** Answers given (graded or not): the base of the options' chosen rates. */
  responses: number;
  answered: number;
  correct: number;
  /** Facility index: share correct, 0..1 (four decimals). */
  difficulty: number;
  /** Point-biserial correlation with the rest score; null with < 2 answers or no variance. */
  discrimination: number | null;
  /** Times each option was chosen. */
  chosen: Map<string, number>;
}

/** Sufficient statistics of a point-biserial correlation: pairs (x ∈ {0,1}, y) added one at a time. */
export class PointBiserial {
  private n = 0;
  private ones = 0;
  private sumY = 0;
  private sumY2 = 0;
  private sumYOnes = 0;

  add(x: 0 | 1, y: number): void {
    this.n += 1;
    this.sumY += y;
    this.sumY2 += y * y;
    if (x === 1) {
      this.ones += 1;
      this.sumYOnes += y;
    }
  }

  /**
   * r_pb = (M1 − M0) / s × √(p·q), s the population standard deviation of y; null with fewer than 2 pairs or
   * when x or y does not vary. Four decimals.
   */
  value(): number | null {
    const { n, ones } = this;
    if (n < 2 || ones === 0 || ones === n) return null;
    const mean = this.sumY / n;
    const variance = this.sumY2 / n - mean * mean;
    if (variance <= 1e-9) return null;
    const m1 = this.sumYOnes / ones;
    const m0 = (this.sumY - this.sumYOnes) / (n - ones);
    const p = ones / n;
    const r = ((m1 - m0) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
    return Math.round(Math.max(-1, Math.min(1, r)) * 10_000) / 10_000;
  }
}

/** The point-biserial correlation of a list of pairs (see PointBiserial.value). */
export function pointBiserial(pairs: readonly (readonly [0 | 1, number])[]): number | null {
  const acc = new PointBiserial();
  for (const [x, y] of pairs) acc.add(x, y);
  return acc.value();
}

/**
 * Classical item statistics of one quiz, fed one graded attempt at a time (so a quiz with many attempts is read
 * in pages, never whole). An answer counts as answered when it is graded (`isCorrect` not null); options are
 * counted for every answer. Discrimination: point-biserial between the item's correctness and the attempt's
 * rest score = the percentage of points earned on the attempt's other graded items (an attempt with no other
 * points to earn is left out of it).
 */
export class ItemAnalysis {
  private readonly items = new Map<string, { responses: number; answered: number; correct: number; chosen: Map<string, number>; r: PointBiserial }>();
  attempts = 0;

  addAttempt(answers: readonly ItemAnswer[]): void {
    this.attempts += 1;
    let earned = 0;
    let max = 0;
    for (const a of answers) {
      if (a.isCorrect === null) continue;
      earned += a.pointsEarned;
      max += a.maxPoints;
    }
    for (const a of answers) {
      const item = this.item(a.questionId);
      item.responses += 1;
      for (const option of a.selectedOptionIds) item.chosen.set(option, (item.chosen.get(option) ?? 0) + 1);
      if (a.isCorrect === null) continue;
      item.answered += 1;
      if (a.isCorrect) item.correct += 1;
      const restMax = max - a.maxPoints;
      if (restMax > 0) item.r.add(a.isCorrect ? 1 : 0, ((earned - a.pointsEarned) / restMax) * 100);
    }
  }

  /** The figures of a question (zeros when nobody answered it). */
  figures(questionId: string): ItemFigures {
    const item = this.item(questionId);
    return {
      questionId,
      responses: item.responses,
      answered: item.answered,
      correct: item.correct,
      difficulty: item.answered > 0 ? Math.round((item.correct / item.answered) * 10_000) / 10_000 : 0,
      discrimination: item.r.value(),
      chosen: item.chosen,
    };
  }

  /** Every question seen in the answers. */
  questionIds(): string[] {
    return [...this.items.keys()];
  }

  private item(questionId: string) {
    let item = this.items.get(questionId);
    if (!item) {
      item = { responses: 0, answered: 0, correct: 0, chosen: new Map(), r: new PointBiserial() };
      this.items.set(questionId, item);
    }
    return item;
  }
}
