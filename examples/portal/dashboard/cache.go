package dashboard

import (
	"container/list"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// Defaults of CacheConfig.
const (
	// DefaultMaxCards bounds the number of cached cards when CacheConfig.MaxCards is 0. The page needs 13
	// (the requested period and the 12 months of the trend chart).
	DefaultMaxCards = 32
	// DefaultMaxCacheBytes bounds the estimated size of the cached cards when CacheConfig.MaxBytes is 0.
	DefaultMaxCacheBytes = 32 << 20
	// cancelEvery is the number of dossiers between two checks of the computation's context.
	cancelEvery = 1024
)

// CacheConfig bounds the cards a Source keeps and the computations it runs at once.
type CacheConfig struct {
	// MaxCards is the largest number of cards kept (0: DefaultMaxCards); the least recently used card is
	// dropped first.
	MaxCards int
	// MaxBytes bounds the sum of the cards' estimated sizes (0: DefaultMaxCacheBytes). A card larger than
	// MaxBytes on its own is served but not kept.
	MaxBytes int64
	// MaxComputing bounds the cards computed at the same time (0: GOMAXPROCS); further requests for
	// other periods wait for a slot under their own context.
	MaxComputing int
	// Size estimates a card's memory (nil: EstimateCardSize).
	Size func(*scorecard.Card) int64
	// Keep lists periods whose cards, once computed, are kept for good, outside MaxCards and MaxBytes
	// (which bound the other cards): typically the dashboard's Default and Trend periods, so that a flood
	// of distinct periods cannot evict them and make every page view recompute a year of cards. Memory:
	// len(Keep) more cards at most.
	Keep []model.Period
}

// EstimateCardSize estimates the heap a card holds as three times the length of its JSON encoding
// (measured on the sample province: ~130 KB of JSON and ~350 KB of heap per card, whatever the number of
// dossiers, since a card holds counts, explanations with a few example codes per reason and the
// per-procedure breakdown, not records). Cost: one json.Marshal of the card (a few milliseconds, against
// 0.05–0.3 s to compute it). A card that cannot be encoded is estimated at DefaultMaxCacheBytes.
func EstimateCardSize(c *scorecard.Card) int64 {
	b, err := json.Marshal(c)
	if err != nil {
		return DefaultMaxCacheBytes
	}
	return 3 * int64(len(b))
}

// CacheStats describes a Source's cache at one instant.
type CacheStats struct {
	Cards     int   // cards kept
	Bytes     int64 // their estimated size
	Computing int   // computations in flight that requests wait for
	Computed  int64 // computations finished since the source was made (successful or not)
	Evicted   int64 // cards dropped to respect the bounds
	Kept      int   // cards of CacheConfig.Keep periods (not counted in Cards and Bytes)
}

// cardCache is a bounded LRU of cards with one shared, cancellable computation per missing key.
type cardCache struct {
	maxCards int
	maxBytes int64
	size     func(*scorecard.Card) int64
	slots    chan struct{} // computation slots

	keep map[string]bool // keys whose cards go to kept

	mu       sync.Mutex
	kept     map[string]*scorecard.Card
	lru      *list.List // of *cached, most recent first
	byKey    map[string]*list.Element
	bytes    int64
	flights  map[string]*flight
	computed int64
	evicted  int64
}

type cached struct {
	key  string
	card *scorecard.Card
	size int64
}

// flight is one computation in progress; waiters counts the requests waiting for it.
type flight struct {
	done    chan struct{}
	cancel  context.CancelFunc
	waiters int
	card    *scorecard.Card
	err     error
}

func newCardCache(cc CacheConfig) *cardCache {
	c := &cardCache{maxCards: cc.MaxCards, maxBytes: cc.MaxBytes, size: cc.Size,
		lru: list.New(), byKey: map[string]*list.Element{}, flights: map[string]*flight{},
		keep: map[string]bool{}, kept: map[string]*scorecard.Card{}}
	for _, p := range cc.Keep {
		c.keep[p.String()] = true
	}
	if c.maxCards == 0 {
		c.maxCards = DefaultMaxCards
	}
	if c.maxBytes == 0 {
		c.maxBytes = DefaultMaxCacheBytes
	}
	if c.size == nil {
		c.size = EstimateCardSize
	}
	n := cc.MaxComputing
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	c.slots = make(chan struct{}, n)
	return c
}

// errAbandoned is the error of a computation whose waiters all left (nobody sees it).
var errAbandoned = errors.New("dashboard: card computation abandoned")

// get returns the card of key from the cache, or waits under ctx for its computation (started by the
// first waiter, shared by the others).
func (c *cardCache) get(ctx context.Context, key string, compute func(context.Context) (*scorecard.Card, error)) (*scorecard.Card, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if card, ok := c.kept[key]; ok {
		c.mu.Unlock()
		return card, nil
	}
	if el, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(el)
		c.mu.Unlock()
		return el.Value.(*cached).card, nil
	}
	f := c.flights[key]
	if f == nil {
		fctx, cancel := context.WithCancelCause(context.Background())
		f = &flight{done: make(chan struct{}), cancel: func() { cancel(errAbandoned) }}
		c.flights[key] = f
		go c.run(fctx, key, f, compute)
	}
	f.waiters++
	c.mu.Unlock()
	select {
	case <-f.done:
		return f.card, f.err
	case <-ctx.Done():
		c.mu.Lock()
		f.waiters--
		if f.waiters == 0 && c.flights[key] == f {
			delete(c.flights, key) // a later request starts afresh
			f.cancel()
		}
		c.mu.Unlock()
		return nil, ctx.Err()
	}
}

func (c *cardCache) run(ctx context.Context, key string, f *flight, compute func(context.Context) (*scorecard.Card, error)) {
	defer close(f.done)
	select {
	case c.slots <- struct{}{}:
		defer func() { <-c.slots }()
	case <-ctx.Done():
		f.err = context.Cause(ctx)
		return
	}
	card, err := safeCompute(ctx, compute)
	var size int64
	if err == nil && !c.keep[key] {
		size = c.size(card)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.computed++
	f.card, f.err = card, err
	if c.flights[key] == f {
		delete(c.flights, key)
	}
	if err != nil || ctx.Err() != nil {
		return
	}
	if c.keep[key] {
		c.kept[key] = card
		return
	}
	if size > c.maxBytes {
		return
	}
	if el, ok := c.byKey[key]; ok { // not expected: a key has one flight at a time
		c.bytes -= el.Value.(*cached).size
		c.lru.Remove(el)
	}
	c.byKey[key] = c.lru.PushFront(&cached{key: key, card: card, size: size})
	c.bytes += size
	for c.lru.Len() > c.maxCards || c.bytes > c.maxBytes {
		el := c.lru.Back()
		e := el.Value.(*cached)
		c.lru.Remove(el)
		delete(c.byKey, e.key)
		c.bytes -= e.size
		c.evicted++
	}
}

// ErrComputePanic is wrapped by the error of a card computation that panicked (it runs in its own
// goroutine, where a panic would end the process).
var ErrComputePanic = errors.New("dashboard: card computation panicked")

func safeCompute(ctx context.Context, compute func(context.Context) (*scorecard.Card, error)) (card *scorecard.Card, err error) {
	defer func() {
		if v := recover(); v != nil {
			card, err = nil, fmt.Errorf("%w: %v", ErrComputePanic, v)
		}
	}()
	return compute(ctx)
}

func (c *cardCache) stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Cards: c.lru.Len(), Bytes: c.bytes, Computing: len(c.flights), Computed: c.computed,
		Evicted: c.evicted, Kept: len(c.kept)}
}
