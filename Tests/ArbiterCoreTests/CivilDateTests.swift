import ArbiterCore
import Testing

/// Day numbers and dates convert both ways across the whole calendar the tool accepts.
struct CivilDateTests {
    @Test func dayNumbersRoundTrip() throws {
        #expect(CivilDate(dayNumber: 0)?.description == "1970-01-01")
        #expect(CivilDate(dayNumber: -1)?.description == "1969-12-31")
        #expect(CivilDate(dayNumber: 11_016)?.description == "2000-02-29")
        for year in stride(from: 1, through: 9_999, by: 7) {
            for (month, day) in [(1, 1), (2, 28), (3, 1), (12, 31)] {
                let date = try #require(CivilDate(year: year, month: month, day: day))
                #expect(CivilDate(dayNumber: date.dayNumber) == date)
            }
        }
        #expect(CivilDate(dayNumber: CivilDate(year: 1, month: 1, day: 1)!.dayNumber - 1) == nil)
        #expect(CivilDate(dayNumber: CivilDate(year: 9_999, month: 12, day: 31)!.dayNumber + 1) == nil)
    }
}
