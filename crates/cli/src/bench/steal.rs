//! The share of the machine's CPU time its hypervisor took for others ("steal", from the
//! first line of `/proc/stat`) over a phase of a bench: on a shared virtual machine a
//! latency tail can be the neighbours', and the report says how much there was.

/// The machine's CPU time counters at one moment, in clock ticks: all of it, and the
/// stolen part.
#[derive(Debug, Clone, Copy)]
pub struct CpuTimes {
    total: u64,
    steal: u64,
}

impl CpuTimes {
    /// The counters now, or `None` where `/proc/stat` cannot be read.
    pub fn now() -> Option<Self> {
        parse(&std::fs::read_to_string("/proc/stat").ok()?)
    }

    /// The stolen share of the CPU time between `self` and `later`, in percent.
    pub fn steal_percent_until(&self, later: &CpuTimes) -> Option<f64> {
        let total = later.total.checked_sub(self.total)?;
        let steal = later.steal.checked_sub(self.steal)?;
        (total > 0).then(|| steal as f64 * 100.0 / total as f64)
    }
}

/// The aggregate `cpu` line of `/proc/stat`: user, nice, system, idle, iowait, irq,
/// softirq, steal (guest time is counted within user already, so it is left out).
fn parse(stat: &str) -> Option<CpuTimes> {
    let line = stat.lines().find(|line| line.starts_with("cpu "))?;
    let fields: Vec<u64> = line.split_whitespace().skip(1).take(8).map(|f| f.parse().ok()).collect::<Option<_>>()?;
    if fields.len() < 8 {
        return None;
    }
    Some(CpuTimes { total: fields.iter().sum(), steal: fields[7] })
}

/// The stolen share over a phase, as the report prints it.
pub fn describe(before: Option<CpuTimes>, after: Option<CpuTimes>) -> String {
    match before.zip(after).and_then(|(before, after)| before.steal_percent_until(&after)) {
        Some(percent) => format!("{percent:.1}% of the CPU time stolen by the hypervisor"),
        None => "CPU steal not available".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steal_share_is_the_eighth_counter_over_all_eight() {
        let before = parse("cpu  100 0 50 800 10 0 0 40 7 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n").unwrap();
        let after = parse("cpu  200 0 100 1500 10 0 0 190 9 0\n").unwrap();
        // 1,000 ticks in all passed, 150 of them stolen.
        assert_eq!(before.steal_percent_until(&after), Some(15.0));
    }

    #[test]
    fn a_short_or_garbled_line_is_no_reading() {
        assert!(parse("cpu  1 2 3\n").is_none());
        assert!(parse("cpu  1 2 x 4 5 6 7 8\n").is_none());
        assert!(parse("intr 5\n").is_none());
    }

    #[test]
    fn counters_that_went_back_or_did_not_move_give_no_share() {
        let a = CpuTimes { total: 100, steal: 10 };
        let b = CpuTimes { total: 90, steal: 10 };
        assert_eq!(a.steal_percent_until(&b), None);
        assert_eq!(a.steal_percent_until(&a), None);
    }
}
