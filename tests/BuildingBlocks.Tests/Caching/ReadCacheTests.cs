using Conventions.BuildingBlocks.Caching;
using Conventions.Testing;

namespace Conventions.BuildingBlocks.Tests.Caching;

public sealed class ReadCacheTests
{
    private readonly TestClock _clock = TestClock.AtParisNoon(2026, 11, 23);
    private readonly ChangeSignal _signal = new("test.read-cache." + Guid.NewGuid().ToString("N"));
    private int _loads;

    private ReadCache<string, string> NewCache(int capacity = 100) => new(_signal, _clock, TimeSpan.FromSeconds(5), capacity);

    private Task<string?> Load(string key, CancellationToken _)
    {
        _loads++;
        return Task.FromResult<string?>(key == "absent" ? null : $"{key}#{_loads}");
    }

    [Fact]
    public async Task A_second_read_is_served_from_the_cache()
    {
        var cache = NewCache();
        Assert.Equal("a#1", await cache.GetOrLoadAsync("a", Load, default));
        Assert.Equal("a#1", await cache.GetOrLoadAsync("a", Load, default));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task A_change_committed_on_another_host_invalidates_the_entries_of_its_named_signal_only()
    {
        var cache = NewCache();
        await cache.GetOrLoadAsync("a", Load, default);

        ChangeSignal.CommittedElsewhere("test.no-such-signal");
        Assert.Equal("a#1", await cache.GetOrLoadAsync("a", Load, default));
        ChangeSignal.CommittedElsewhere(_signal.Name);
        Assert.Equal("a#2", await cache.GetOrLoadAsync("a", Load, default));
    }

    [Fact]
    public void A_committed_change_is_announced_by_its_signal_name_and_names_are_unique()
    {
        var announced = new List<string>();
        void Record(string name) => announced.Add(name);
        ChangeSignal.Committed += Record;
        try
        {
            var before = _signal.Value;
            _signal.RaiseCommitted();
            Assert.Equal(before + 1, _signal.Value);
        }
        finally
        {
            ChangeSignal.Committed -= Record;
        }

        Assert.Contains(_signal.Name, announced);
        Assert.Throws<InvalidOperationException>(() => new ChangeSignal(_signal.Name));
    }

    [Fact]
    public async Task A_raised_signal_invalidates_every_entry_at_once()
    {
        var cache = NewCache();
        await cache.GetOrLoadAsync("a", Load, default);
        _signal.Raise();
        Assert.Equal("a#2", await cache.GetOrLoadAsync("a", Load, default));
    }

    [Fact]
    public async Task A_value_loaded_while_a_change_was_being_saved_is_not_kept()
    {
        var cache = NewCache();
        // The signal moves during the load (the writer raises it before saving and after committing).
        var value = await cache.GetOrLoadAsync("a", (key, ct) =>
        {
            _signal.Raise();
            return Load(key, ct);
        }, default);
        Assert.Equal("a#1", value);
        Assert.Equal("a#2", await cache.GetOrLoadAsync("a", Load, default));
    }

    [Fact]
    public async Task Entries_expire_after_their_time_to_live()
    {
        var cache = NewCache();
        await cache.GetOrLoadAsync("a", Load, default);
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("a#1", await cache.GetOrLoadAsync("a", Load, default));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("a#2", await cache.GetOrLoadAsync("a", Load, default));
    }

    [Fact]
    public async Task Absent_values_are_never_cached()
    {
        var cache = NewCache();
        Assert.Null(await cache.GetOrLoadAsync("absent", Load, default));
        Assert.Null(await cache.GetOrLoadAsync("absent", Load, default));
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task The_cache_stays_bounded()
    {
        var cache = NewCache(capacity: 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await cache.GetOrLoadAsync(key, Load, default);
        }
        Assert.Equal("d#4", await cache.GetOrLoadAsync("d", Load, default));
        Assert.Equal("a#5", await cache.GetOrLoadAsync("a", Load, default));
    }
}
