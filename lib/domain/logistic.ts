// L2-regularised logistic regression, small and exact: Newton's method (iteratively reweighted
// least squares) on a handful of features, solving each step's (k+1)×(k+1) system by Gaussian
// elimination with partial pivoting. The intercept is not penalised. For the suggested health
// weights (lib/domain/suggested-weights.ts) k is 4, so a maintained numeric library would add
// far more than it saves; the tests check the optimality conditions to 1e-9.

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Minimises −Σ log-likelihood + (λ/2)·‖β‖² over the rows of `x` (n × k) and 0/1 outcomes `y`.
 * λ > 0 keeps the fit finite even when the outcomes are perfectly separable.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  { lambda = 1, maxIterations = 50, tolerance = 1e-10 } = {},
): LogisticFit {
  if (x.length !== y.length) throw new RangeError("One outcome per row.");
  const k = x[0]?.length ?? 0;
  let beta = new Array<number>(k + 1).fill(0); // [intercept, ...coefficients]
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { gradient, hessian } = derivatives(x, y, beta, lambda);
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b - step[j]);
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      return { intercept: beta[0], coefficients: beta.slice(1), iterations: iteration, converged: true };
    }
  }
  return { intercept: beta[0], coefficients: beta.slice(1), iterations: maxIterations, converged: false };
}

/** Gradient and Hessian of the penalised negative log-likelihood at beta. */
export function derivatives(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  beta: readonly number[],
  lambda: number,
): { gradient: number[]; hessian: number[][] } {
  const size = beta.length;
  const gradient = beta.map((b, j) => (j === 0 ? 0 : lambda * b));
  const hessian = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j && i > 0 ? lambda : 0)),
  );
  // One row buffer [1, …features] reused for every row: no allocation per row and iteration.
  const row = new Float64Array(size);
  row[0] = 1;
  for (let r = 0; r < x.length; r++) {
    const features = x[r];
    let z = beta[0];
    for (let j = 1; j < size; j++) {
      row[j] = features[j - 1];
      z += row[j] * beta[j];
    }
    const p = sigmoid(z);
    const residual = p - (y[r] ? 1 : 0);
    const w = p * (1 - p);
    for (let i = 0; i < size; i++) {
      gradient[i] += residual * row[i];
      const hessianRow = hessian[i];
      for (let j = 0; j < size; j++) hessianRow[j] += w * row[i] * row[j];
    }
  }
  return { gradient, hessian };
}

/** Solves a·s = b (a square, non-singular: the penalty makes the Hessian positive definite). */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    if (m[col][col] === 0) throw new RangeError("Singular system.");
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let total = m[r][n];
    for (let c = r + 1; c < n; c++) total -= m[r][c] * s[c];
    s[r] = total / m[r][r];
  }
  return s;
}
