//! A wave's batch: sent once nothing short is left running, numbered, and handed to the
//! change still waiting for it or put on the event stream.

use super::{Actor, Running};
use crate::id::ComponentId;
use crate::layout::id_key;
use crate::messages::{PatchBatch, PropUpdate, SessionEvent};
use std::time::Duration;

/// The longest a change's finished results wait for the rest of their wave while input
/// keeps arriving: one frame.
pub(crate) const FRAME: Duration = Duration::from_millis(16);

impl Actor {
    /// Sends what this wave changed once nothing short is left running: one batch per wave,
    /// so the screen never shows half an update, while a long callback does not hold back
    /// the rest.
    pub(super) fn maybe_flush(&mut self) {
        // The first batch goes with the layout, before the renderer can answer any clientside
        // call: it waits only for Rust callbacks, and clientside results follow as a batch.
        let loading = self.first_flush.is_some();
        let holds_the_wave = |r: &Running| match (r.long, &r.clientside) {
            (true, _) => false,
            (false, Some(_)) => !loading,
            (false, None) => true,
        };
        if self.running.values().any(holds_the_wave) {
            return;
        }
        let busy = self.busy();
        if let Some((tx, mut first)) = self.first_flush.take() {
            if !self.unsent.is_empty() {
                first.push(self.next_batch(busy));
            }
            let _ = tx.send(first);
        } else if !self.unsent.is_empty() {
            let batch = self.next_batch(busy);
            self.send_batch(batch);
        }
        // The wave is over: changes still waiting get no batch of their own, and hear so now.
        for slot in self.waiting.drain(..) {
            drop(slot.lock().ok().and_then(|mut s| s.take()));
        }
        if self.running.is_empty() && self.requested.is_empty() {
            self.wave_started = None;
            self.written_at.clear();
            for w in self.idle_waiters.drain(..) {
                let _ = w.send(());
            }
        }
    }

    /// The batch of what is unsent. Waves are numbered from 1 without gaps, only for batches
    /// that are sent, so a window can put batches from both paths back in order.
    /// Ids of the components that running callbacks are computing (for `loading` spinners).
    fn busy(&self) -> Vec<ComponentId> {
        self.running
            .keys()
            .filter_map(|k| self.inst.by_key.get(k))
            .flat_map(|&i| {
                let inst = &self.inst.list[i];
                inst.outputs.iter().flat_map(|r| r.keys().to_vec()).collect::<Vec<_>>()
            })
            .filter_map(|k| self.reg.nodes.get(&k).map(|n| n.id.clone()))
            .collect()
    }

    /// Under steady input a wave may never finish: each change fires callbacks again before
    /// the last ones end. When a change arrives and what is done has waited a frame or more,
    /// it goes out now, so the screen follows the input and the unsent updates stay bounded.
    ///
    /// What still feeds a requested or running callback stays back for the wave's own batch:
    /// the screen never shows a value beside a dependent that has not caught up with it.
    pub(super) fn flush_held(&mut self) {
        let held_long = self.unsent_since.is_some_and(|t| t.elapsed() >= FRAME);
        if !held_long || self.first_flush.is_some() || self.unsent.is_empty() {
            return;
        }
        let (waiting, done): (Vec<PropUpdate>, Vec<PropUpdate>) =
            std::mem::take(&mut self.unsent).into_iter().partition(|u| self.feeds_pending(u));
        if done.is_empty() {
            self.unsent = waiting;
            return;
        }
        self.unsent = done;
        let busy = self.busy();
        let batch = self.next_batch(busy);
        self.send_batch(batch);
        if !waiting.is_empty() {
            self.unsent = waiting;
            self.unsent_since = Some(std::time::Instant::now());
        }
    }

    /// Whether a callback fired by this update has yet to finish.
    fn feeds_pending(&self, update: &PropUpdate) -> bool {
        let changed = (id_key(&update.id), update.prop.clone());
        self.inst.fired_by.get(&changed).is_some_and(|fired| {
            fired.iter().any(|&i| {
                self.inst
                    .list
                    .get(i)
                    .is_some_and(|inst| self.requested.contains_key(&inst.key) || self.running.contains_key(&inst.key))
            })
        })
    }

    pub(super) fn next_batch(&mut self, busy: Vec<ComponentId>) -> PatchBatch {
        self.commit_stores();
        self.unsent_since = None;
        self.wave += 1;
        let compute_us = self.wave_started.map_or(0, |t| u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX));
        PatchBatch { wave: self.wave, updates: std::mem::take(&mut self.unsent), busy, compute_us }
    }

    /// A batch goes back as the answer of the oldest change still waiting for one, else on
    /// the event stream.
    pub(super) fn send_batch(&mut self, batch: PatchBatch) {
        let mut unsent = Some(batch);
        for slot in self.waiting.drain(..) {
            let Some(sender) = slot.lock().ok().and_then(|mut s| s.take()) else {
                continue;
            };
            // The others are released (their senders dropped) as the loop goes on.
            if let Some(batch) = unsent.take() {
                unsent = sender.send(batch).err();
            }
        }
        if let Some(batch) = unsent {
            let _ = self.events.send(SessionEvent::Batch { batch });
        }
    }
}
