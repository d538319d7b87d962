#include "gui/application.h"

int main(int argc, char **argv)
{
    return BurgerBench::runDesktopApp(argc, argv);
}
