// Every colour in the legend reads apart from every other (issue 16): in normal vision and for
// the two common red-green deficiencies, simulated with Machado, Oliveira & Fernandes (2009),
// "A Physiologically-based Model for Simulation of Color Vision Deficiency", severity 1.0
// (the matrices act on linear sRGB), compared in CIELAB (D65) by CIE76 distance.
//
// The threshold, 15 CIE76 units, is well above a just-noticeable difference (about 2.3) and the
// ~10 that two small swatches need to be told apart at a glance; the palette's measured minimum
// is 17.5 (blocked red against loop-lag orange for a deuteranope).

#include "render/kitchenlane.h"
#include "render/legend.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>

using namespace BurgerBench;

namespace {

using Vec = std::array<double, 3>;
using Mat = std::array<Vec, 3>;

constexpr double MinDeltaE = 15.0;

const Mat identity { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } };
const Mat protanopia { { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 } } };
const Mat deuteranopia { { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 } } };

double linearise(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The colour as seen through `vision`, in CIELAB.
Vec lab(const QColor &colour, const Mat &vision)
{
    const Vec rgb { linearise(colour.red()), linearise(colour.green()), linearise(colour.blue()) };
    Vec seen {};
    for (int i = 0; i < 3; ++i)
        seen[size_t(i)] = std::clamp(
            vision[size_t(i)][0] * rgb[0] + vision[size_t(i)][1] * rgb[1] + vision[size_t(i)][2] * rgb[2],
            0.0, 1.0);
    const double x = (0.4124564 * seen[0] + 0.3575761 * seen[1] + 0.1804375 * seen[2]) / 0.95047;
    const double y = 0.2126729 * seen[0] + 0.7151522 * seen[1] + 0.0721750 * seen[2];
    const double z = (0.0193339 * seen[0] + 0.1191920 * seen[1] + 0.9503041 * seen[2]) / 1.08883;
    const auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    return { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
}

double deltaE(const QColor &a, const QColor &b, const Mat &vision)
{
    const Vec p = lab(a, vision);
    const Vec q = lab(b, vision);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// What a legend entry looks like at a glance: its fill, or for the outline-only ghost its outline.
QColor swatchColour(Phase phase)
{
    const PhaseStyle &s = phaseStyle(phase);
    return s.fill.isValid() ? s.fill : s.outline;
}

} // namespace

class tst_LegendColours : public QObject
{
    Q_OBJECT

private slots:
    void simulationIsReal();
    void everyPairApart_data();
    void everyPairApart();
    void kitchenLaneUsesItsLegendEntry();
};

// The simulation does what it claims: pure red and green, 170 apart for normal vision, fall to
// under 30 for a deuteranope; CPU work's green and blocked red (112 apart) to about 20 for both.
void tst_LegendColours::simulationIsReal()
{
    const QColor red(0xff, 0, 0);
    const QColor green(0, 0xff, 0);
    QVERIFY(deltaE(red, green, identity) > 150);
    QVERIFY(deltaE(red, green, deuteranopia) < 30);
    QVERIFY(deltaE(red, green, protanopia) < deltaE(red, green, identity) / 2);
    const QColor cpu = swatchColour(Phase::CpuWork);
    const QColor blocked = swatchColour(Phase::BlockedHeld);
    QVERIFY(deltaE(cpu, blocked, identity) > 100);
    QVERIFY(deltaE(cpu, blocked, deuteranopia) < 30);
    QVERIFY(deltaE(cpu, blocked, protanopia) < 30);
    // White stays white: the matrices keep the grey axis.
    QVERIFY(deltaE(Qt::white, Qt::white, deuteranopia) < 1e-9);
    QVERIFY(lab(Qt::white, protanopia)[0] > 99.9);
}

void tst_LegendColours::everyPairApart_data()
{
    QTest::addColumn<int>("vision");
    QTest::newRow("normal vision") << 0;
    QTest::newRow("deuteranopia (Machado 2009, severity 1)") << 1;
    QTest::newRow("protanopia (Machado 2009, severity 1)") << 2;
}

void tst_LegendColours::everyPairApart()
{
    QFETCH(int, vision);
    const Mat &m = vision == 0 ? identity : vision == 1 ? deuteranopia : protanopia;
    const std::vector<Phase> phases = allPhases();
    QCOMPARE(int(phases.size()), PhaseCount); // every phase, the kitchen's included
    double worst = 1e9;
    QString worstPair;
    for (size_t i = 0; i < phases.size(); ++i) {
        QVERIFY2(swatchColour(phases[i]).isValid(), qPrintable(phaseLabel(phases[i])));
        for (size_t j = i + 1; j < phases.size(); ++j) {
            const double d = deltaE(swatchColour(phases[i]), swatchColour(phases[j]), m);
            if (d < worst) {
                worst = d;
                worstPair = phaseLabel(phases[i]) + QStringLiteral(" / ") + phaseLabel(phases[j]);
            }
        }
    }
    qInfo("closest pair: %s, CIE76 %.1f", qPrintable(worstPair), worst);
    QVERIFY2(worst >= MinDeltaE, qPrintable(QStringLiteral("%1 only %2 apart").arg(worstPair).arg(worst)));
}

void tst_LegendColours::kitchenLaneUsesItsLegendEntry()
{
    QCOMPARE(kitchenCookingColor(), phaseStyle(Phase::KitchenCooking).fill);
    QCOMPARE(kitchenWaitingColor(), phaseStyle(Phase::KitchenWaiting).fill);
    QVERIFY(kitchenCookingColor() != phaseStyle(Phase::CpuWork).fill);
}

QTEST_MAIN(tst_LegendColours)
#include "tst_legendcolours.moc"
