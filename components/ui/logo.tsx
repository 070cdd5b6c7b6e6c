/** Bowtie's mark: two triangles meeting at a knot. */
export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" fill="#3b54e0" />
      <path d="M6 10.5 14 14v4l-8 3.5z" fill="#fff" />
      <path d="M26 10.5 18 14v4l8 3.5z" fill="#fff" />
      <rect x="13.5" y="13" width="5" height="6" rx="1.5" fill="#c7d4ff" />
    </svg>
  );
}
