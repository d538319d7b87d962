<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BurgerBench::Application</name>
    <message>
        <source>BurgerBench: a load tester for OpenAI-compatible LLM endpoints whose live timeline teaches sequential, concurrent and parallel work.</source>
        <translation>BurgerBench: un probador de carga para endpoints LLM compatibles con OpenAI cuya línea de tiempo en vivo enseña el trabajo secuencial, concurrente y paralelo.</translation>
    </message>
    <message>
        <source>Open this scenario file.</source>
        <translation>Abre este archivo de escenario.</translation>
    </message>
    <message>
        <source>Start the run at once.</source>
        <translation>Empieza la ejecución de inmediato.</translation>
    </message>
    <message>
        <source>Save a picture of the window here when the run is done (or after start-up without --autorun).</source>
        <translation>Guarda aquí una imagen de la ventana al terminar la ejecución (o tras arrancar, sin --autorun).</translation>
    </message>
    <message>
        <source>Save the timeline alone (PNG, SVG or PDF) when the run is done.</source>
        <translation>Guarda solo la línea de tiempo (PNG, SVG o PDF) al terminar la ejecución.</translation>
    </message>
    <message>
        <source>Quit once the run is done and pictures are saved.</source>
        <translation>Sale cuando la ejecución termina y las imágenes están guardadas.</translation>
    </message>
    <message>
        <source>User interface language: en or es.</source>
        <translation>Idioma de la interfaz: en o es.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Tamaño de la ventana, p. ej. 1600x1000.</translation>
    </message>
    <message>
        <source>With --quit-when-done: give up after this many seconds (default 600).</source>
        <translation>Con --quit-when-done: se rinde tras estos segundos (600 por omisión).</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use en or es)</source>
        <translation>idioma desconocido «%1» (usa en o es)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <source>gave up after %1 s</source>
        <translation>se rindió tras %1 s</translation>
    </message>
    <message>
        <source>When the run is done, select request N (from 1) and show its details.</source>
        <translation>Al terminar la ejecución, selecciona la petición N (desde 1) y muestra sus detalles.</translation>
    </message>
    <message>
        <source>Open this saved run report (JSON) as the current run.</source>
        <translation>Abrir este informe de ejecución guardado (JSON) como la ejecución actual.</translation>
    </message>
    <message>
        <source>Overlay this saved run report (JSON) on the timeline and compare it with the current run.</source>
        <translation>Superponer este informe de ejecución guardado (JSON) en la línea de tiempo y compararlo con la ejecución actual.</translation>
    </message>
    <message>
        <source>Open the race window with this race preset (e.g. burgers) and run it; --screenshot then saves the race window when the race is done.</source>
        <translation>Abre la ventana de la carrera con esta carrera predefinida (p. ej. burgers) y la ejecuta; --screenshot guarda entonces la ventana de la carrera cuando termina.</translation>
    </message>
    <message>
        <source>unknown race preset &quot;%1&quot;</source>
        <translation>carrera predefinida desconocida «%1»</translation>
    </message>
    <message>
        <source>When the run is done, save it as a run report (JSON), as File → Save run… does.</source>
        <translation>Al terminar la ejecución, la guarda como informe de ejecución (JSON), como hace Archivo → Guardar la ejecución….</translation>
    </message>
    <message>
        <source>When the run is done, write this report, as File → Export report… does; the extension names the format: .json, .html, .csv or .trace.json (Perfetto). May be repeated.</source>
        <translation>Al terminar la ejecución, escribe este informe, como hace Archivo → Exportar el informe…; la extensión indica el formato: .json, .html, .csv o .trace.json (Perfetto). Puede repetirse.</translation>
    </message>
    <message>
        <source>--export %1: unknown report format &quot;%2&quot; (use .json, .html, .csv or .trace.json; a picture of the timeline: --export-timeline)</source>
        <translation>--export %1: formato de informe desconocido «%2» (usa .json, .html, .csv o .trace.json; una imagen de la línea de tiempo: --export-timeline)</translation>
    </message>
    <message>
        <source>--save-run and --export save the main window&apos;s run, not a race</source>
        <translation>--save-run y --export guardan la ejecución de la ventana principal, no una carrera</translation>
    </message>
    <message>
        <source>--save-run and --export need a run: add --autorun (or --open-run FILE)</source>
        <translation>--save-run y --export necesitan una ejecución: añade --autorun (o --open-run ARCHIVO)</translation>
    </message>
    <message>
        <source>When the run is done, show The code tab as the run stood MS milliseconds in: the lines where its orders were then, lit.</source>
        <translation>Al terminar la ejecución, muestra la pestaña El código tal como estaba la ejecución a los MS milisegundos: iluminadas las líneas donde estaban entonces sus pedidos.</translation>
    </message>
    <message>
        <source>Replay this saved run report (JSON) as Run → Replay saved run… does, the story told as it happened; --screenshot saves the window when the replay ends (or pauses: --pause-at).</source>
        <translation>Reproduce este informe de ejecución guardado (JSON) como hace Ejecutar → Reproducir una ejecución guardada…, con la historia contada tal como pasó; --screenshot guarda la ventana cuando la reproducción termina (o se pausa: --pause-at).</translation>
    </message>
    <message>
        <source>With --replay: how fast, against the run&apos;s own time (0.25, 0.5, 1; up to 16; default 0.25).</source>
        <translation>Con --replay: a qué velocidad, respecto al tiempo de la propia ejecución (0.25, 0.5, 1; hasta 16; 0.25 por omisión).</translation>
    </message>
    <message>
        <source>With --replay: pause when the replay reaches this moment (milliseconds into the run); --screenshot and --quit-when-done act then.</source>
        <translation>Con --replay: pausa cuando la reproducción llega a este momento (milisegundos desde el inicio de la ejecución); --screenshot y --quit-when-done actúan entonces.</translation>
    </message>
    <message>
        <source>--speed: a speed above 0 and at most 16, e.g. 0.25 (got &quot;%1&quot;)</source>
        <translation>--speed: una velocidad mayor que 0 y como mucho 16, p. ej. 0.25 (se recibió «%1»)</translation>
    </message>
    <message>
        <source>--speed and --pause-at need --replay FILE</source>
        <translation>--speed y --pause-at necesitan --replay ARCHIVO</translation>
    </message>
    <message>
        <source>--replay plays a saved run: not with --autorun, --open-run or --race</source>
        <translation>--replay reproduce una ejecución guardada: no va con --autorun, --open-run ni --race</translation>
    </message>
    <message>
        <source>--%1: a moment in milliseconds from 0 to 1000000000 (got &quot;%2&quot;)</source>
        <translation>--%1: un momento en milisegundos de 0 a 1000000000 (se recibió «%2»)</translation>
    </message>
</context>
<context>
    <name>BurgerBench::CodePanel</name>
    <message>
        <source>Point at the timeline to see where every order stood at that moment; during a run the lines follow it live.</source>
        <translation>Señala la línea de tiempo para ver dónde estaba cada pedido en ese momento; durante una ejecución las líneas la siguen en directo.</translation>
    </message>
    <message numerus="yes">
        <source>%n not due yet</source>
        <translation>
            <numerusform>%n al que aún no le toca</numerusform>
            <numerusform>%n a los que aún no les toca</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in line</source>
        <translation>
            <numerusform>%n en la cola</numerusform>
            <numerusform>%n en la cola</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation>
            <numerusform>%n enviándose</numerusform>
            <numerusform>%n enviándose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the kitchen</source>
        <translation>
            <numerusform>%n esperando a la cocina</numerusform>
            <numerusform>%n esperando a la cocina</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receiving tokens</source>
        <translation>
            <numerusform>%n recibiendo tokens</numerusform>
            <numerusform>%n recibiendo tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to retry</source>
        <translation>
            <numerusform>%n esperando para reintentar</numerusform>
            <numerusform>%n esperando para reintentar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being worked on (CPU)</source>
        <translation>
            <numerusform>%n en trabajo de CPU</numerusform>
            <numerusform>%n en trabajo de CPU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) being polled</source>
        <translation>
            <numerusform>%n trabajo consultado</numerusform>
            <numerusform>%n trabajos consultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n terminado</numerusform>
            <numerusform>%n terminados</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1: nothing under way; %2.</source>
        <translation>A los %1: nada en marcha; %2.</translation>
    </message>
    <message>
        <source>Now (%1): %2; %3.</source>
        <translation>Ahora (%1): %2; %3.</translation>
    </message>
    <message>
        <source>At %1: %2; %3.</source>
        <translation>A los %1: %2; %3.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::CodeSnippets</name>
    <message>
        <source>wait, then try again</source>
        <translation>espera y vuelve a intentarlo</translation>
    </message>
    <message>
        <source>send the order</source>
        <translation>envía el pedido</translation>
    </message>
    <message>
        <source>wait: the loop serves the others</source>
        <translation>espera: el bucle atiende a los demás</translation>
    </message>
    <message>
        <source>a token arrives</source>
        <translation>llega un token</translation>
    </message>
    <message>
        <source>in line: at most %1 a second</source>
        <translation>en la cola: como mucho %1 por segundo</translation>
    </message>
    <message>
        <source>in line: at most %1 at once</source>
        <translation>en la cola: como mucho %1 a la vez</translation>
    </message>
    <message>
        <source>in line: one at a time</source>
        <translation>en la cola: de uno en uno</translation>
    </message>
    <message>
        <source>CPU work on the loop&apos;s thread</source>
        <translation>trabajo de CPU en el hilo del bucle</translation>
    </message>
    <message>
        <source>CPU work on a pool thread; the loop goes on</source>
        <translation>trabajo de CPU en un hilo del pool; el bucle sigue</translation>
    </message>
    <message>
        <source>CPU work ON the loop: everything else freezes</source>
        <translation>trabajo de CPU EN el bucle: todo lo demás se congela</translation>
    </message>
    <message>
        <source>fail-fast: the first error cancels the rest</source>
        <translation>fail-fast: el primer error cancela el resto</translation>
    </message>
    <message>
        <source>not due yet: a timer, no thread held</source>
        <translation>aún no toca: un temporizador, ningún hilo ocupado</translation>
    </message>
    <message>
        <source>collect-all: every result or error</source>
        <translation>collect-all: cada resultado o error</translation>
    </message>
    <message>
        <source>CPU work: the thread computes</source>
        <translation>trabajo de CPU: el hilo calcula</translation>
    </message>
    <message>
        <source>CPU work: one slice</source>
        <translation>trabajo de CPU: una porción</translation>
    </message>
    <message>
        <source>give the next chore a turn</source>
        <translation>le toca a la siguiente tarea</translation>
    </message>
    <message>
        <source>in line: one thread, so one chore at a time</source>
        <translation>en la cola: un solo hilo, así que una tarea cada vez</translation>
    </message>
    <message>
        <source>in line: one after another</source>
        <translation>en la cola: una tras otra</translation>
    </message>
    <message>
        <source>a worker thread runs this</source>
        <translation>esto lo ejecuta un hilo trabajador</translation>
    </message>
    <message>
        <source>send; the thread is held</source>
        <translation>envía; el hilo queda ocupado</translation>
    </message>
    <message>
        <source>wait: held, doing nothing</source>
        <translation>espera: ocupado sin hacer nada</translation>
    </message>
    <message>
        <source>in line: waiting for a free worker</source>
        <translation>en la cola: esperando un trabajador libre</translation>
    </message>
    <message>
        <source>a process per core runs this</source>
        <translation>esto lo ejecuta un proceso por núcleo</translation>
    </message>
    <message>
        <source>CPU work, on every core at once</source>
        <translation>trabajo de CPU, en todos los núcleos a la vez</translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation>un trabajador por núcleo</translation>
    </message>
    <message>
        <source>in line: waiting for a free core</source>
        <translation>en la cola: esperando un núcleo libre</translation>
    </message>
    <message>
        <source>the server: FastAPI</source>
        <translation>el servidor: FastAPI</translation>
    </message>
    <message>
        <source>accepted now, worked on later</source>
        <translation>aceptado ya, se trabaja después</translation>
    </message>
    <message>
        <source>a worker thread</source>
        <translation>un hilo trabajador</translation>
    </message>
    <message>
        <source>the LLM call</source>
        <translation>la llamada al LLM</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <source>poll the status</source>
        <translation>consulta el estado</translation>
    </message>
    <message>
        <source>in line: the token bucket</source>
        <translation>en la cola: el cubo de fichas</translation>
    </message>
    <message>
        <source>in line: the cap</source>
        <translation>en la cola: el límite</translation>
    </message>
    <message>
        <source>send: QTcpSocket, our own HTTP/1.1</source>
        <translation>envía: QTcpSocket, nuestro propio HTTP/1.1</translation>
    </message>
    <message>
        <source>wait: back to the loop, nothing held</source>
        <translation>espera: de vuelta al bucle, nada ocupado</translation>
    </message>
    <message>
        <source>send: QNetworkAccessManager</source>
        <translation>envía: QNetworkAccessManager</translation>
    </message>
    <message>
        <source>wait, then try again: a timer</source>
        <translation>espera y vuelve a intentarlo: un temporizador</translation>
    </message>
    <message>
        <source>CPU work on a pool thread</source>
        <translation>trabajo de CPU en un hilo del pool</translation>
    </message>
    <message>
        <source>back on the loop</source>
        <translation>de vuelta en el bucle</translation>
    </message>
    <message>
        <source>CPU work on the loop&apos;s own thread</source>
        <translation>trabajo de CPU en el propio hilo del bucle</translation>
    </message>
    <message>
        <source>one turn of the loop</source>
        <translation>una vuelta del bucle</translation>
    </message>
    <message>
        <source>in line: the others wait on the list</source>
        <translation>en la cola: los demás esperan en la lista</translation>
    </message>
    <message>
        <source>CPU work: the loop is busy</source>
        <translation>trabajo de CPU: el bucle está ocupado</translation>
    </message>
    <message>
        <source>to the back of the line</source>
        <translation>al final de la cola</translation>
    </message>
    <message>
        <source>yield: timers run between chores</source>
        <translation>cede: los temporizadores corren entre tareas</translation>
    </message>
    <message>
        <source>in line: QSemaphore</source>
        <translation>en la cola: QSemaphore</translation>
    </message>
    <message>
        <source>in line: waiting for a pool thread</source>
        <translation>en la cola: esperando un hilo del pool</translation>
    </message>
    <message>
        <source>CPU work on a core</source>
        <translation>trabajo de CPU en un núcleo</translation>
    </message>
    <message>
        <source>Python asyncio, as the lesson writes it</source>
        <translation>Python asyncio, como lo escribe la lección</translation>
    </message>
    <message>
        <source>a sketch: names like ask() and scrub() stand for your own code</source>
        <translation>un esbozo: nombres como ask() y scrub() representan tu propio código</translation>
    </message>
    <message>
        <source>The Qt code that ran it</source>
        <translation>El código Qt que lo ejecutó</translation>
    </message>
    <message>
        <source>condensed from %1</source>
        <translation>resumido de %1</translation>
    </message>
</context>
<context>
    <name>BurgerBench::ComparePanel</name>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation>TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation>TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>ITL p50 (ms)</source>
        <translation>ITL p50 (ms)</translation>
    </message>
    <message>
        <source>ITL p99 (ms)</source>
        <translation>ITL p99 (ms)</translation>
    </message>
    <message>
        <source>TPOT p50 (ms)</source>
        <translation>TPOT p50 (ms)</translation>
    </message>
    <message>
        <source>TPOT p99 (ms)</source>
        <translation>TPOT p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation>E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation>E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Peticiones/s</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>Tokens de salida/s</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>beyond noise</source>
        <translation>más allá del ruido</translation>
    </message>
    <message>
        <source>within noise</source>
        <translation>dentro del ruido</translation>
    </message>
    <message>
        <source>n/a (one value per run)</source>
        <translation>n/d (un valor por ejecución)</translation>
    </message>
    <message>
        <source>too few samples</source>
        <translation>muy pocas muestras</translation>
    </message>
    <message>
        <source>No run to compare with: File → Compare with saved run…</source>
        <translation>No hay ejecución con la que comparar: Archivo → Comparar con una ejecución guardada…</translation>
    </message>
    <message>
        <source>comparing…</source>
        <translation>comparando…</translation>
    </message>
    <message>
        <source>Mann-Whitney p = %1</source>
        <translation>Mann-Whitney p = %1</translation>
    </message>
    <message>
        <source>95% interval of B − A: %1 … %2</source>
        <translation>intervalo del 95 % de B − A: %1 … %2</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation>Cambio (B − A)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Beyond noise: the Mann-Whitney test gives p &lt; 0.05 and the 95% bootstrap interval of B − A excludes 0 (as burgerbench-cli compare). Throughputs and counts are one value per run: repeat the runs to judge them.</source>
        <translation>Más allá del ruido: la prueba de Mann-Whitney da p &lt; 0,05 y el intervalo bootstrap del 95 % de B − A no contiene el 0 (igual que burgerbench-cli compare). Los rendimientos y los recuentos son un solo valor por ejecución: repite las ejecuciones para juzgarlos.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt; %1 &amp;nbsp;&amp;nbsp; &lt;b&gt;B&lt;/b&gt; %2%3</source>
        <translation>&lt;b&gt;A&lt;/b&gt; %1 &amp;nbsp;&amp;nbsp; &lt;b&gt;B&lt;/b&gt; %2%3</translation>
    </message>
</context>
<context>
    <name>BurgerBench::DetailsPanel</name>
    <message>
        <source>Click a request on the timeline to see its details.</source>
        <translation>Haz clic en una petición de la línea de tiempo para ver sus detalles.</translation>
    </message>
    <message>
        <source>(the text appears when the request ends)</source>
        <translation>(el texto aparece cuando termina la petición)</translation>
    </message>
    <message numerus="yes">
        <source>Succeeded after %n retry(s).</source>
        <translation>
            <numerusform>Salió bien tras %n reintento.</numerusform>
            <numerusform>Salió bien tras %n reintentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Report id: %1</source>
        <translation>Id. en el informe: %1</translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation>El intento %1 falló: %2</translation>
    </message>
    <message>
        <source>%1 before attempt %2</source>
        <translation>%1 antes del intento %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation>Intento %1: %2</translation>
    </message>
    <message>
        <source>Attempt %1 at %2: %3</source>
        <translation>Intento %1 en %2: %3</translation>
    </message>
</context>
<context>
    <name>BurgerBench::HtmlReport</name>
    <message>
        <source>Waiting in line for a free slot or the rate limiter, before the request is sent.</source>
        <translation>Esperando en la fila un hueco libre o al limitador de ritmo, antes de enviar la petición.</translation>
    </message>
    <message>
        <source>Building the request and handing it to the network: real work.</source>
        <translation>Preparar la petición y entregarla a la red: trabajo de verdad.</translation>
    </message>
    <message>
        <source>Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</source>
        <translation>Enviada; esperando el primer token del servidor. Ningún hilo está ocupado: la mesa con el número del pedido.</translation>
    </message>
    <message>
        <source>Tokens arriving; each tick is one token event.</source>
        <translation>Llegan tokens; cada marca es un evento de token.</translation>
    </message>
    <message>
        <source>A thread computing: the cook at work.</source>
        <translation>Un hilo calculando: el cocinero trabajando.</translation>
    </message>
    <message>
        <source>A thread held while it only waits, or the event loop frozen by work it should not do.</source>
        <translation>Un hilo retenido que solo espera, o el bucle de eventos congelado por trabajo que no le toca.</translation>
    </message>
    <message>
        <source>A failed attempt, or where the request failed.</source>
        <translation>Un intento fallido, o donde falló la petición.</translation>
    </message>
    <message>
        <source>From when the schedule wanted to send the request to when it really went out.</source>
        <translation>Desde que el plan quería enviar la petición hasta que salió de verdad.</translation>
    </message>
    <message>
        <source>Cut off by a cancel, fail-fast or the end of the run.</source>
        <translation>Cortada por una cancelación, por fallo rápido o por el fin de la ejecución.</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired: the loop was busy.</source>
        <translation>Cuánto se retrasó el temporizador del bucle de eventos: el bucle estaba ocupado.</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation>sin muestras</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>time since the run started (s)</source>
        <translation>tiempo desde el inicio (s)</translation>
    </message>
    <message>
        <source>event loop</source>
        <translation>bucle de eventos</translation>
    </message>
    <message>
        <source>TTFT (time to first token)</source>
        <translation>TTFT (tiempo hasta el primer token)</translation>
    </message>
    <message>
        <source>first token event − request start</source>
        <translation>primer evento de token − inicio de la petición</translation>
    </message>
    <message>
        <source>TPOT (time per output token)</source>
        <translation>TPOT (tiempo por token de salida)</translation>
    </message>
    <message>
        <source>(E2EL − TTFT) / (output tokens − 1), requests with more than 1 output token</source>
        <translation>(E2EL − TTFT) / (tokens de salida − 1), peticiones con más de 1 token de salida</translation>
    </message>
    <message>
        <source>ITL (inter-token latency)</source>
        <translation>ITL (latencia entre tokens)</translation>
    </message>
    <message>
        <source>each gap between consecutive token events, pooled over all successful requests</source>
        <translation>cada hueco entre eventos de token consecutivos, juntando todas las peticiones con éxito</translation>
    </message>
    <message>
        <source>E2EL (end-to-end latency)</source>
        <translation>E2EL (latencia de extremo a extremo)</translation>
    </message>
    <message>
        <source>last token event − request start (non-streaming: response fully read − request start)</source>
        <translation>último evento de token − inicio de la petición (sin streaming: respuesta leída entera − inicio)</translation>
    </message>
    <message>
        <source>Client queue time (extra)</source>
        <translation>Espera en la cola del cliente (extra)</translation>
    </message>
    <message>
        <source>request start − intended start (time at the client&apos;s own gates)</source>
        <translation>inicio de la petición − inicio previsto (tiempo en las puertas del propio cliente)</translation>
    </message>
    <message>
        <source>Time to first byte (extra)</source>
        <translation>Tiempo hasta el primer byte (extra)</translation>
    </message>
    <message>
        <source>first byte − request start</source>
        <translation>primer byte − inicio de la petición</translation>
    </message>
    <message>
        <source>Schedule-relative latency (extra)</source>
        <translation>Latencia respecto al plan (extra)</translation>
    </message>
    <message>
        <source>end − intended start (what a user who arrived on schedule felt)</source>
        <translation>fin − inicio previsto (lo que notó un usuario que llegó a su hora)</translation>
    </message>
    <message>
        <source>sequential: one request at a time</source>
        <translation>secuencial: una petición cada vez</translation>
    </message>
    <message>
        <source>concurrent: one event loop, up to %1 in flight</source>
        <translation>concurrente: un bucle de eventos, hasta %1 en vuelo</translation>
    </message>
    <message>
        <source>parallel: %1 blocking workers</source>
        <translation>paralelo: %1 trabajadores bloqueantes</translation>
    </message>
    <message>
        <source>parallel CPU work: %1 workers</source>
        <translation>trabajo de CPU en paralelo: %1 trabajadores</translation>
    </message>
    <message>
        <source>both: event loop plus a worker pool</source>
        <translation>ambos: bucle de eventos y un grupo de trabajadores</translation>
    </message>
    <message>
        <source>anti-pattern: CPU work on the event loop</source>
        <translation>antipatrón: trabajo de CPU en el bucle de eventos</translation>
    </message>
    <message>
        <source>background jobs: accepted at once, run by %1 workers, status polled</source>
        <translation>trabajos en segundo plano: aceptados al momento, hechos por %1 trabajadores, estado consultado</translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation>simulador integrado</translation>
    </message>
    <message>
        <source>BurgerBench report: %1</source>
        <translation>Informe de BurgerBench: %1</translation>
    </message>
    <message>
        <source>The run was stopped early.</source>
        <translation>La ejecución se detuvo antes de tiempo.</translation>
    </message>
    <message>
        <source>open loop: %1 req/s, burstiness %2, cap %3</source>
        <translation>lazo abierto: %1 pet/s, ráfagas %2, tope %3</translation>
    </message>
    <message>
        <source>closed loop: concurrency %1</source>
        <translation>lazo cerrado: concurrencia %1</translation>
    </message>
    <message>
        <source>, %1 requests</source>
        <translation>, %1 peticiones</translation>
    </message>
    <message>
        <source>, for %1 s</source>
        <translation>, durante %1 s</translation>
    </message>
    <message>
        <source> (+%1 warm-up)</source>
        <translation> (+%1 de calentamiento)</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Inicio (UTC)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <source>%1, max %2 tokens, prompt %3 tokens</source>
        <translation>%1, máx. %2 tokens, prompt de %3 tokens</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>sin stream</translation>
    </message>
    <message>
        <source>Metric definitions</source>
        <translation>Definiciones de métricas</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>one monotonic ns clock per run; times from the run start</source>
        <translation>un reloj monótono en ns por ejecución; tiempos desde el inicio</translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation>Medido con</translation>
    </message>
    <message>
        <source>CPU count</source>
        <translation>Número de CPU</translation>
    </message>
    <message>
        <source>Merged from</source>
        <translation>Unión de</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Completed / failed / incomplete</source>
        <translation>Completadas / fallidas / incompletas</translation>
    </message>
    <message>
        <source>of %1 measured requests sent; warm-up excluded</source>
        <translation>de %1 peticiones medidas enviadas; sin calentamiento</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>just before the first measured dispatch → the last one settled</source>
        <translation>justo antes del primer envío medido → el último terminado</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> pet/s</translation>
    </message>
    <message>
        <source>Request throughput</source>
        <translation>Rendimiento de peticiones</translation>
    </message>
    <message>
        <source>successful requests / duration</source>
        <translation>peticiones con éxito / duración</translation>
    </message>
    <message>
        <source>Output throughput</source>
        <translation>Rendimiento de salida</translation>
    </message>
    <message>
        <source>Σ output tokens / duration</source>
        <translation>Σ tokens de salida / duración</translation>
    </message>
    <message>
        <source>Total token throughput</source>
        <translation>Rendimiento total de tokens</translation>
    </message>
    <message>
        <source>(Σ prompt + Σ output tokens) / duration</source>
        <translation>(Σ tokens de prompt + Σ de salida) / duración</translation>
    </message>
    <message>
        <source>no SLO set</source>
        <translation>sin SLO</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <source>successful requests meeting every SLO / duration</source>
        <translation>peticiones con éxito que cumplen todos los SLO / duración</translation>
    </message>
    <message>
        <source>Peak concurrency</source>
        <translation>Concurrencia máxima</translation>
    </message>
    <message>
        <source>exact sweep over [start, end), ends before starts</source>
        <translation>barrido exacto sobre [inicio, fin), fines antes que inicios</translation>
    </message>
    <message>
        <source>Peak tokens/s</source>
        <translation>Pico de tokens/s</translation>
    </message>
    <message>
        <source>busiest 1-second bucket of token events</source>
        <translation>el segundo con más eventos de token</translation>
    </message>
    <message>
        <source>Prompt / output tokens</source>
        <translation>Tokens de prompt / salida</translation>
    </message>
    <message>
        <source>from the server&apos;s usage.completion_tokens</source>
        <translation>según usage.completion_tokens del servidor</translation>
    </message>
    <message>
        <source>counted as token events: the server sent no usage (flagged)</source>
        <translation>contados como eventos de token: el servidor no envió usage (señalado)</translation>
    </message>
    <message>
        <source>Latency percentiles (ms)</source>
        <translation>Percentiles de latencia (ms)</translation>
    </message>
    <message>
        <source>Exact samples of successful measured requests; percentiles by linear interpolation between closest ranks (numpy&apos;s default); std is the population standard deviation.</source>
        <translation>Muestras exactas de las peticiones medidas con éxito; percentiles por interpolación lineal entre rangos vecinos (como numpy); std es la desviación típica poblacional.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Fórmula</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>Histogramas</translation>
    </message>
    <message>
        <source>Dashed lines: p50 (black) and p99 (red).</source>
        <translation>Líneas discontinuas: p50 (negro) y p99 (rojo).</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>A lo largo del tiempo</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Peticiones en vuelo</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>peticiones</translation>
    </message>
    <message>
        <source>Peak in each column: exact sweep over [request start, end).</source>
        <translation>Máximo de cada columna: barrido exacto sobre [inicio, fin) de las peticiones.</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Tokens por segundo</translation>
    </message>
    <message>
        <source>Token events in each column / column width.</source>
        <translation>Eventos de token en cada columna / ancho de la columna.</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>fallos</translation>
    </message>
    <message>
        <source>Failed requests per column, at the moment they failed.</source>
        <translation>Peticiones fallidas por columna, en el momento en que fallaron.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Top: the event-loop thread (the cashier). Then worker threads, if any. Then one lane per request: who is busy and who is only waiting, at every instant.</source>
        <translation>Arriba: el hilo del bucle de eventos (el cajero). Después los hilos trabajadores, si los hay. Después una fila por petición: quién trabaja y quién solo espera, en cada instante.</translation>
    </message>
    <message>
        <source>Errors by kind</source>
        <translation>Errores por tipo</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Sin errores.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(sin mensaje)</translation>
    </message>
    <message>
        <source>Failed and incomplete requests are excluded from every latency statistic and throughput.</source>
        <translation>Las peticiones fallidas e incompletas quedan fuera de toda estadística de latencia y rendimiento.</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>As JSON</source>
        <translation>En JSON</translation>
    </message>
    <message>
        <source>One monotonic nanosecond clock per run; wall-clock time only as the run&apos;s label.</source>
        <translation>Un reloj monótono en nanosegundos por ejecución; la hora de pared solo como etiqueta.</translation>
    </message>
    <message>
        <source>Request start = just before the POST is handed to the network, after any client-side gate; the wait at the gate is client queue time.</source>
        <translation>Inicio de la petición = justo antes de entregar el POST a la red, tras las puertas del cliente; la espera en ellas es la cola del cliente.</translation>
    </message>
    <message>
        <source>A token event is an SSE event whose JSON has a non-empty choices array; a usage-only event is not one.</source>
        <translation>Un evento de token es un evento SSE cuyo JSON trae un array choices no vacío; un evento solo con usage no lo es.</translation>
    </message>
    <message>
        <source>TTFT = first token event − request start.</source>
        <translation>TTFT = primer evento de token − inicio de la petición.</translation>
    </message>
    <message>
        <source>E2EL = last token event − request start (non-streaming: response fully read − start).</source>
        <translation>E2EL = último evento de token − inicio (sin streaming: respuesta leída entera − inicio).</translation>
    </message>
    <message>
        <source>ITL = each gap between consecutive token events, pooled over all successful requests.</source>
        <translation>ITL = cada hueco entre eventos de token consecutivos, juntando todas las peticiones con éxito.</translation>
    </message>
    <message>
        <source>Output tokens = usage.completion_tokens when the server sends it, else the number of token events (flagged).</source>
        <translation>Tokens de salida = usage.completion_tokens si el servidor lo envía; si no, el número de eventos de token (señalado).</translation>
    </message>
    <message>
        <source>TPOT = (E2EL − TTFT) / (output tokens − 1), only when output tokens &gt; 1.</source>
        <translation>TPOT = (E2EL − TTFT) / (tokens de salida − 1), solo si hay más de 1 token de salida.</translation>
    </message>
    <message>
        <source>Failure = non-2xx, transport or parse error, in-stream error, timeout, or no token event; requests cut off by the end of the run are incomplete.</source>
        <translation>Fallo = respuesta no 2xx, error de transporte o de formato, error dentro del stream, tiempo agotado o ningún token; las cortadas por el fin de la ejecución son incompletas.</translation>
    </message>
    <message>
        <source>Throughputs = successes / duration; Σ output tokens / duration; (Σ prompt + Σ output) / duration. Goodput counts successes meeting every SLO.</source>
        <translation>Rendimientos = éxitos / duración; Σ tokens de salida / duración; (Σ prompt + Σ salida) / duración. El goodput cuenta los éxitos que cumplen todos los SLO.</translation>
    </message>
    <message>
        <source>Statistics from the exact samples: mean, median, population std, percentiles by linear interpolation (numpy&apos;s default).</source>
        <translation>Estadísticas de las muestras exactas: media, mediana, desviación típica poblacional, percentiles por interpolación lineal (como numpy).</translation>
    </message>
    <message>
        <source>Peaks: busiest 1-second bucket of token events; requests in flight by an exact sweep over [start, end), ends before starts.</source>
        <translation>Picos: el segundo con más eventos de token; peticiones en vuelo por barrido exacto sobre [inicio, fin), fines antes que inicios.</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definiciones</translation>
    </message>
    <message>
        <source>Definition set &quot;%1&quot;: the headline figures mean what vLLM&apos;s bench serve means by them.</source>
        <translation>Conjunto de definiciones &quot;%1&quot;: las cifras principales significan lo mismo que en vLLM bench serve.</translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from the run started %2. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation>Generado por BurgerBench %1 a partir de la ejecución iniciada el %2. Autónomo: no carga scripts, fuentes ni imágenes de ningún sitio.</translation>
    </message>
    <message>
        <source>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</source>
        <translation>Entre dos intentos: la espera (backoff) o el Retry-After del servidor. No se envía nada y nadie trabaja.</translation>
    </message>
    <message>
        <source>Inside the kitchen: the server&apos;s own metrics</source>
        <translation>Dentro de la cocina: las métricas del propio servidor</translation>
    </message>
    <message>
        <source>%1 scraped every %2 ms: %3 scrapes, %4 failed (%5). Each sample is at the midpoint of its scrape&apos;s round trip on the run&apos;s clock.</source>
        <translation>%1 leído cada %2 ms: %3 lecturas, %4 fallidas (%5). Cada muestra está en el punto medio del viaje de ida y vuelta de su lectura, en el reloj de la ejecución.</translation>
    </message>
    <message>
        <source>server not recognised</source>
        <translation>servidor no reconocido</translation>
    </message>
    <message>
        <source>running (cooking)</source>
        <translation>en curso (cocinando)</translation>
    </message>
    <message>
        <source>waiting (in the kitchen&apos;s line)</source>
        <translation>esperando (en la fila de la cocina)</translation>
    </message>
    <message>
        <source>Server requests: running and waiting</source>
        <translation>Peticiones en el servidor: en curso y en espera</translation>
    </message>
    <message>
        <source>KV cache in use</source>
        <translation>caché KV en uso</translation>
    </message>
    <message>
        <source>KV-cache usage</source>
        <translation>Uso de la caché KV</translation>
    </message>
    <message>
        <source>The share of the server&apos;s KV-cache (token pool) in use, in %.</source>
        <translation>La parte de la caché KV del servidor (su reserva de tokens) en uso, en %.</translation>
    </message>
    <message>
        <source>server TTFT %1</source>
        <translation>TTFT del servidor %1</translation>
    </message>
    <message>
        <source>Server TTFT percentiles</source>
        <translation>Percentiles de TTFT del servidor</translation>
    </message>
    <message>
        <source>From the server&apos;s TTFT histogram between consecutive scrapes (differences of cumulative buckets), interpolated inside a bucket.</source>
        <translation>Del histograma de TTFT del servidor entre lecturas consecutivas (diferencias de los intervalos acumulados), interpolado dentro de un intervalo.</translation>
    </message>
    <message>
        <source>server observations</source>
        <translation>observaciones del servidor</translation>
    </message>
    <message>
        <source>server p50 (ms)</source>
        <translation>p50 del servidor (ms)</translation>
    </message>
    <message>
        <source>server p99 (ms)</source>
        <translation>p99 del servidor (ms)</translation>
    </message>
    <message>
        <source>client p50 (ms)</source>
        <translation>p50 del cliente (ms)</translation>
    </message>
    <message>
        <source>client p99 (ms)</source>
        <translation>p99 del cliente (ms)</translation>
    </message>
    <message>
        <source>The difference is what the network and the client add (and the histogram&apos;s bucket width).</source>
        <translation>La diferencia es lo que añaden la red y el cliente (y el ancho de los intervalos del histograma).</translation>
    </message>
    <message>
        <source>No running, waiting, KV-cache or TTFT series were scraped.</source>
        <translation>No se leyó ninguna serie de peticiones en curso, en espera, caché KV ni TTFT.</translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation>tokens de entrada</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <source>the target&apos;s own POST /tokenize</source>
        <translation>el propio POST /tokenize del destino</translation>
    </message>
    <message>
        <source>calibrated from the usage.prompt_tokens of probe requests sent before the clock started</source>
        <translation>calibrado con el usage.prompt_tokens de peticiones de prueba enviadas antes de poner en marcha el reloj</translation>
    </message>
    <message>
        <source>estimated: about 4 bytes of text a token (no /tokenize, no calibration)</source>
        <translation>estimado: unos 4 bytes de texto por token (sin /tokenize ni calibración)</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Carga de trabajo</translation>
    </message>
    <message>
        <source>What the requests asked for and what the server says they got. Asked = the planned prompt length and max_tokens; achieved = the server&apos;s usage.prompt_tokens and usage.completion_tokens of each success.</source>
        <translation>Lo que pidieron las peticiones y lo que el servidor dice que recibieron. Pedido = la longitud de prompt planificada y max_tokens; conseguido = el usage.prompt_tokens y usage.completion_tokens del servidor en cada éxito.</translation>
    </message>
    <message>
        <source>Input lengths asked</source>
        <translation>Longitudes de entrada pedidas</translation>
    </message>
    <message>
        <source>request.prompt_tokens (%1)</source>
        <translation>request.prompt_tokens (%1)</translation>
    </message>
    <message>
        <source>from the dataset</source>
        <translation>del conjunto de datos</translation>
    </message>
    <message>
        <source>Output lengths asked</source>
        <translation>Longitudes de salida pedidas</translation>
    </message>
    <message>
        <source>request.max_tokens (%1), or the dataset&apos;s</source>
        <translation>request.max_tokens (%1), o las del conjunto de datos</translation>
    </message>
    <message>
        <source>Shared prefix</source>
        <translation>Prefijo compartido</translation>
    </message>
    <message>
        <source>%1 tokens, %2 groups</source>
        <translation>%1 tokens, %2 grupos</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>, %1 rows sampled</source>
        <translation>, %1 filas muestreadas</translation>
    </message>
    <message>
        <source>Token counts</source>
        <translation>Recuento de tokens</translation>
    </message>
    <message>
        <source>%1; %2 bytes a token, %3 tokens added per prompt</source>
        <translation>%1; %2 bytes por token, %3 tokens añadidos a cada prompt</translation>
    </message>
    <message>
        <source>Cached prompt tokens</source>
        <translation>Tokens de prompt en caché</translation>
    </message>
    <message>
        <source>Σ cached_tokens / Σ prompt tokens; %1 of %2 successes had cached tokens (the kitchen had that part ready)</source>
        <translation>Σ cached_tokens / Σ tokens de prompt; %1 de %2 éxitos tenían tokens en caché (la cocina tenía esa parte lista)</translation>
    </message>
    <message>
        <source>the server reported no usage.prompt_tokens_details.cached_tokens</source>
        <translation>el servidor no informó de usage.prompt_tokens_details.cached_tokens</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Terminadas antes</translation>
    </message>
    <message>
        <source>of %1 successes with an asked max_tokens ended with fewer output tokens; they stay in every statistic</source>
        <translation>de %1 éxitos con un max_tokens pedido acabaron con menos tokens de salida; siguen en todas las estadísticas</translation>
    </message>
    <message>
        <source>Token counts from</source>
        <translation>Recuento de tokens desde</translation>
    </message>
    <message>
        <source>Input length: asked and achieved</source>
        <translation>Longitud de entrada: pedida y conseguida</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>pedida</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>conseguida</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <source>asked (%1 requests)</source>
        <translation>pedida (%1 peticiones)</translation>
    </message>
    <message>
        <source>achieved: usage.prompt_tokens (%1 successes)</source>
        <translation>conseguida: usage.prompt_tokens (%1 éxitos)</translation>
    </message>
    <message>
        <source>The server sent no usage.prompt_tokens: nothing achieved to show.</source>
        <translation>El servidor no envió usage.prompt_tokens: no hay nada conseguido que mostrar.</translation>
    </message>
    <message>
        <source>Both series on the same bins; a shared prefix is part of the prompt.</source>
        <translation>Las dos series sobre los mismos intervalos; un prefijo compartido es parte del prompt.</translation>
    </message>
    <message>
        <source>Output length: asked and achieved</source>
        <translation>Longitud de salida: pedida y conseguida</translation>
    </message>
    <message>
        <source>asked: max_tokens (%1 requests)</source>
        <translation>pedida: max_tokens (%1 peticiones)</translation>
    </message>
    <message>
        <source>achieved: output tokens (%1 successes)</source>
        <translation>conseguida: tokens de salida (%1 éxitos)</translation>
    </message>
    <message>
        <source>A success left of its asked bar stopped early (an end of sequence before max_tokens).</source>
        <translation>Un éxito a la izquierda de su barra pedida terminó antes (un fin de secuencia antes de max_tokens).</translation>
    </message>
    <message>
        <source>Least-squares line (red): TTFT grows by %1 ms per 1,000 input tokens.</source>
        <translation>Recta de mínimos cuadrados (roja): el TTFT crece %1 ms por cada 1.000 tokens de entrada.</translation>
    </message>
    <message>
        <source>No slope: fewer than two different input lengths.</source>
        <translation>Sin pendiente: menos de dos longitudes de entrada distintas.</translation>
    </message>
    <message>
        <source>TTFT against input length</source>
        <translation>TTFT frente a la longitud de entrada</translation>
    </message>
    <message>
        <source>One point per measured success (%1); input = usage.prompt_tokens for %2 of them, else the asked length. A longer prompt takes longer to prefill; cached tokens do not.</source>
        <translation>Un punto por éxito medido (%1); entrada = usage.prompt_tokens en %2 de ellos, si no la longitud pedida. Un prompt más largo tarda más en el prellenado; los tokens en caché no.</translation>
    </message>
    <message>
        <source>part of the prompt was cached</source>
        <translation>parte del prompt estaba en caché</translation>
    </message>
    <message>
        <source>nothing cached (or not reported)</source>
        <translation>nada en caché (o no informado)</translation>
    </message>
    <message>
        <source>Per turn: the regulars&apos; second orders</source>
        <translation>Por turno: los segundos pedidos de los clientes habituales</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviadas</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completadas</translation>
    </message>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation>TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation>TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation>E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation>E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>Each session&apos;s k-th request. A later turn carries the whole conversation so far; with a prefix cache its TTFT should not grow with that history.</source>
        <translation>La k-ésima petición de cada sesión. Un turno posterior lleva toda la conversación hasta ese momento; con una caché de prefijos, su TTFT no debería crecer con ese historial.</translation>
    </message>
    <message>
        <source>replay: %1 timestamped rows at time scale %2, up to %3 in flight</source>
        <translation>reproducción: %1 filas con marca de tiempo a escala de tiempo %2, hasta %3 en curso</translation>
    </message>
    <message>
        <source>, %1 sessions of %2 turns</source>
        <translation>, %1 sesiones de %2 turnos</translation>
    </message>
    <message>
        <source>, the dataset&apos;s conversations as sessions</source>
        <translation>, las conversaciones del conjunto de datos como sesiones</translation>
    </message>
    <message>
        <source>TLS certificates were not verified (--insecure): anyone on the path could read or change this run&apos;s traffic.</source>
        <translation>No se verificaron los certificados TLS (--insecure): cualquiera en el camino podría leer o cambiar el tráfico de esta ejecución.</translation>
    </message>
    <message>
        <source>no successful request</source>
        <translation>ninguna petición con éxito</translation>
    </message>
    <message>
        <source>Usage disagrees with token events</source>
        <translation>El uso no coincide con los eventos de token</translation>
    </message>
    <message>
        <source>successes whose usage.completion_tokens differs from the token events they sent: TPOT divides by the usage, ITL counts the events</source>
        <translation>éxitos cuyo usage.completion_tokens difiere de los eventos de token que enviaron: el TPOT divide por el uso, el ITL cuenta los eventos</translation>
    </message>
    <message>
        <source>No request succeeded: there is no TTFT, TPOT, ITL, E2EL or token throughput to give, only the failures below.</source>
        <translation>Ninguna petición tuvo éxito: no hay TTFT, TPOT, ITL, E2EL ni rendimiento de tokens que mostrar, solo los fallos de abajo.</translation>
    </message>
    <message>
        <source>This client limited the measurement: its engine thread was busy %1% of its busiest second and its loop lag p99 was %2 ms. The figures are upper bounds of what the server did.</source>
        <translation>Este cliente limitó la medición: su hilo del motor estuvo ocupado el %1% de su segundo más cargado y el retraso del bucle p99 fue de %2 ms. Las cifras son cotas superiores de lo que hizo el servidor.</translation>
    </message>
    <message>
        <source>The socket transport (--transport socket) costs less per token event.</source>
        <translation>El transporte de sockets (--transport socket) gasta menos por evento de token.</translation>
    </message>
    <message>
        <source>The run&apos;s own CPU work ran on the event loop.</source>
        <translation>El propio trabajo de CPU de la ejecución corrió en el bucle de eventos.</translation>
    </message>
    <message>
        <source>Client busy</source>
        <translation>Cliente ocupado</translation>
    </message>
    <message>
        <source>the engine thread&apos;s busiest second; loop lag p99 %1 ms; %2</source>
        <translation>el segundo más cargado del hilo del motor; retraso del bucle p99 %1 ms; %2</translation>
    </message>
    <message>
        <source>limiting</source>
        <translation>limitaba</translation>
    </message>
    <message>
        <source>not limiting</source>
        <translation>no limitaba</translation>
    </message>
</context>
<context>
    <name>BurgerBench::Legend</name>
    <message>
        <source>In line</source>
        <translation>En la fila</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Waiting for first token</source>
        <translation>Esperando el primer token</translation>
    </message>
    <message>
        <source>Streaming (tick = token)</source>
        <translation>Recibiendo (marca = token)</translation>
    </message>
    <message>
        <source>CPU work</source>
        <translation>Trabajo de CPU</translation>
    </message>
    <message>
        <source>Blocked / held</source>
        <translation>Bloqueado / retenido</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Ghost: intended start</source>
        <translation>Fantasma: inicio previsto</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incompleta</translation>
    </message>
    <message>
        <source>Event-loop lag</source>
        <translation>Retraso del bucle de eventos</translation>
    </message>
    <message>
        <source>Waiting in line for a free slot or the rate limiter, before the request is sent.</source>
        <translation>Esperando en la fila a que haya un hueco libre o a que lo permita el limitador, antes de enviar la petición.</translation>
    </message>
    <message>
        <source>Building the request and handing it to the network: real work.</source>
        <translation>Preparando la petición y entregándola a la red: trabajo de verdad.</translation>
    </message>
    <message>
        <source>Sent; waiting for the server&apos;s first token. No thread is busy: this is the table with the order number.</source>
        <translation>Enviada; esperando el primer token del servidor. Ningún hilo está ocupado: es la mesa con el número del pedido.</translation>
    </message>
    <message>
        <source>Tokens arriving; each tick is one token event.</source>
        <translation>Llegan tokens; cada marca es un evento de token.</translation>
    </message>
    <message>
        <source>A thread computing: the cook at work.</source>
        <translation>Un hilo calculando: el cocinero trabajando.</translation>
    </message>
    <message>
        <source>A thread held while it only waits, or the event loop frozen by work it should not do.</source>
        <translation>Un hilo retenido mientras solo espera, o el bucle de eventos congelado por un trabajo que no le toca.</translation>
    </message>
    <message>
        <source>A failed attempt, or where the request failed.</source>
        <translation>Un intento fallido, o el punto donde falló la petición.</translation>
    </message>
    <message>
        <source>From when the schedule wanted to send the request to when it really went out.</source>
        <translation>Desde cuando el plan quería enviar la petición hasta cuando salió de verdad.</translation>
    </message>
    <message>
        <source>Cut off by a cancel, fail-fast or the end of the run.</source>
        <translation>Cortada por una cancelación, por fallo rápido o por el final de la ejecución.</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired: the loop was busy.</source>
        <translation>Cuánto se retrasó el temporizador del bucle de eventos: el bucle estaba ocupado.</translation>
    </message>
    <message>
        <source>Retry wait</source>
        <translation>Espera de reintento</translation>
    </message>
    <message>
        <source>Kitchen: cooking</source>
        <translation>Cocina: cocinando</translation>
    </message>
    <message>
        <source>Kitchen: waiting</source>
        <translation>Cocina: en espera</translation>
    </message>
    <message>
        <source>Between two attempts: the backoff or the server&apos;s Retry-After. Nothing is sent and nobody works.</source>
        <translation>Entre dos intentos: la espera (backoff) o el Retry-After del servidor. No se envía nada y nadie trabaja.</translation>
    </message>
    <message>
        <source>Requests the server is running, from its own metrics.</source>
        <translation>Peticiones que el servidor está procesando, según sus propias métricas.</translation>
    </message>
    <message>
        <source>Requests waiting in the server&apos;s queue, from its own metrics.</source>
        <translation>Peticiones en la cola del servidor, según sus propias métricas.</translation>
    </message>
    <message>
        <source>Job running</source>
        <translation>Trabajo en marcha</translation>
    </message>
    <message>
        <source>Job done</source>
        <translation>Trabajo hecho</translation>
    </message>
    <message>
        <source>Jobs the status board says a worker has, as the client&apos;s last poll read it.</source>
        <translation>Trabajos que, según el tablero, tiene un trabajador, tal como los leyó la última consulta del cliente.</translation>
    </message>
    <message>
        <source>Jobs the status board says are done, as the client&apos;s last poll read it: results to fetch.</source>
        <translation>Trabajos que, según el tablero, están hechos, tal como los leyó la última consulta del cliente: resultados para recoger.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::LengthHistogram</name>
    <message>
        <source>Input lengths of the sampled rows</source>
        <translation>Longitudes de entrada de las filas muestreadas</translation>
    </message>
    <message>
        <source>No rows to show.</source>
        <translation>No hay filas que mostrar.</translation>
    </message>
    <message>
        <source>input tokens (%1 rows)</source>
        <translation>tokens de entrada (%1 filas)</translation>
    </message>
</context>
<context>
    <name>BurgerBench::MainWindow</name>
    <message>
        <source>The run could not start: %1</source>
        <translation>La ejecución no pudo empezar: %1</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>No se puede ejecutar</translation>
    </message>
    <message>
        <source>Run the scenario (Ctrl+R)</source>
        <translation>Ejecuta el escenario (Ctrl+R)</translation>
    </message>
    <message>
        <source>Fix the scenario first: %1</source>
        <translation>Corrige primero el escenario: %1</translation>
    </message>
    <message numerus="yes">
        <source>The shop opens: %n order(s) to serve, kitchen = built-in simulator.</source>
        <translation>
            <numerusform>Abre la hamburguesería: %n pedido por servir; la cocina es el simulador integrado.</numerusform>
            <numerusform>Abre la hamburguesería: %n pedidos por servir; la cocina es el simulador integrado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The shop opens: %n order(s) to serve at %1.</source>
        <translation>
            <numerusform>Abre la hamburguesería: %n pedido por servir en %1.</numerusform>
            <numerusform>Abre la hamburguesería: %n pedidos por servir en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running “%1”…</source>
        <translation>Ejecutando «%1»…</translation>
    </message>
    <message>
        <source>Stopping: requests still in flight are cut off and kept as incomplete.</source>
        <translation>Deteniendo: las peticiones aún en curso se cortan y se guardan como incompletas.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenida.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Terminada.</translation>
    </message>
    <message>
        <source>time to first token</source>
        <translation>tiempo hasta el primer token</translation>
    </message>
    <message>
        <source>gap between tokens</source>
        <translation>hueco entre tokens</translation>
    </message>
    <message>
        <source>whole-request latency</source>
        <translation>latencia de la petición completa</translation>
    </message>
    <message numerus="yes">
        <source>Highlighted %n request(s) with %1 at or above p%2 (%3 ms).</source>
        <translation>
            <numerusform>Resaltada %n petición con %1 igual o superior al p%2 (%3 ms).</numerusform>
            <numerusform>Resaltadas %n peticiones con %1 igual o superior al p%2 (%3 ms).</numerusform>
        </translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Abrir escenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Escenarios (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>No se puede abrir el escenario</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Guardar escenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Escenarios (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the scenario</source>
        <translation>No se puede guardar el escenario</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Exportar la línea de tiempo</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>About BurgerBench</source>
        <translation>Acerca de BurgerBench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BurgerBench %1&lt;/h3&gt;&lt;p&gt;A load tester for OpenAI-compatible LLM endpoints whose timeline teaches the difference between sequential, concurrent and parallel work, told as a burger shop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BurgerBench %1&lt;/h3&gt;&lt;p&gt;Un probador de carga para endpoints LLM compatibles con OpenAI cuya línea de tiempo enseña la diferencia entre trabajo secuencial, concurrente y paralelo, contada como una hamburguesería.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>BurgerBench — concurrency, told with burgers</source>
        <translation>BurgerBench — la concurrencia, contada con hamburguesas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag or drag on the time axis: select a range · click a bar: details</source>
        <translation>Rueda: zoom · arrastrar: desplazar · Mayús+arrastrar o arrastrar en el eje de tiempo: elegir un intervalo · clic en una barra: detalles</translation>
    </message>
    <message>
        <source>Open saved &amp;run…</source>
        <translation>Abrir una &amp;ejecución guardada…</translation>
    </message>
    <message>
        <source>Show a run report (JSON) saved by burgerbench-cli run --json</source>
        <translation>Mostrar un informe de ejecución (JSON) guardado con burgerbench-cli run --json</translation>
    </message>
    <message>
        <source>&amp;Compare with saved run…</source>
        <translation>&amp;Comparar con una ejecución guardada…</translation>
    </message>
    <message>
        <source>Overlay a saved run report (B) under the current run (A) on the timeline, with a comparison table</source>
        <translation>Superponer un informe de ejecución guardado (B) bajo la ejecución actual (A) en la línea de tiempo, con una tabla comparativa</translation>
    </message>
    <message>
        <source>C&amp;lear comparison</source>
        <translation>&amp;Quitar la comparación</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>this run (none yet: press Run)</source>
        <translation>esta ejecución (aún ninguna: pulsa Ejecutar)</translation>
    </message>
    <message>
        <source>this run: %1</source>
        <translation>esta ejecución: %1</translation>
    </message>
    <message>
        <source>Cannot compare with %1.</source>
        <translation>No se puede comparar con %1.</translation>
    </message>
    <message>
        <source>Comparing with %1: its requests are the lower row of each lane.</source>
        <translation>Comparando con %1: sus peticiones son la fila de abajo de cada carril.</translation>
    </message>
    <message>
        <source>Compare with saved run</source>
        <translation>Comparar con una ejecución guardada</translation>
    </message>
    <message>
        <source>Run reports (*.json);;All files (*)</source>
        <translation>Informes de ejecución (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>No se puede comparar</translation>
    </message>
    <message>
        <source>Stop the run first.</source>
        <translation>Detén primero la ejecución.</translation>
    </message>
    <message>
        <source>Cannot open the run %1.</source>
        <translation>No se puede abrir la ejecución %1.</translation>
    </message>
    <message>
        <source>Open saved run</source>
        <translation>Abrir una ejecución guardada</translation>
    </message>
    <message>
        <source>Cannot open the run</source>
        <translation>No se puede abrir la ejecución</translation>
    </message>
    <message>
        <source>Compared run (B): %1</source>
        <translation>Ejecución comparada (B): %1</translation>
    </message>
    <message>
        <source>Sa&amp;ve run…</source>
        <translation>Guardar la e&amp;jecución…</translation>
    </message>
    <message>
        <source>Save the run on screen as a run report (JSON), as burgerbench-cli run --json writes it</source>
        <translation>Guarda la ejecución en pantalla como informe de ejecución (JSON), como lo escribe burgerbench-cli run --json</translation>
    </message>
    <message>
        <source>Export re&amp;port…</source>
        <translation>Exportar el &amp;informe…</translation>
    </message>
    <message>
        <source>Save the run on screen as a JSON run report, an HTML report, CSV or a Perfetto trace</source>
        <translation>Guarda la ejecución en pantalla como informe de ejecución JSON, informe HTML, CSV o traza de Perfetto</translation>
    </message>
    <message>
        <source>%1 has no extension to tell the report&apos;s format.</source>
        <translation>%1 no tiene una extensión que diga el formato del informe.</translation>
    </message>
    <message>
        <source>&quot;.%1&quot; is not a report format (%2).</source>
        <translation>«.%1» no es un formato de informe (%2).</translation>
    </message>
    <message>
        <source>Use .json (run report), .html, .csv or .trace.json (Perfetto trace).</source>
        <translation>Usa .json (informe de ejecución), .html, .csv o .trace.json (traza de Perfetto).</translation>
    </message>
    <message>
        <source>Wait for the run to finish, or stop it, before saving it.</source>
        <translation>Espera a que termine la ejecución, o detenla, antes de guardarla.</translation>
    </message>
    <message>
        <source>There is no run to save yet: press Run, or open a saved run.</source>
        <translation>Aún no hay ninguna ejecución que guardar: pulsa Ejecutar o abre una ejecución guardada.</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Guardar la ejecución</translation>
    </message>
    <message>
        <source>Run reports (*.json)</source>
        <translation>Informes de ejecución (*.json)</translation>
    </message>
    <message>
        <source>Saved the run to %1.</source>
        <translation>Ejecución guardada en %1.</translation>
    </message>
    <message>
        <source>Cannot save the run</source>
        <translation>No se puede guardar la ejecución</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Informe HTML (*.html)</translation>
    </message>
    <message>
        <source>JSON run report (*.json)</source>
        <translation>Informe de ejecución JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV, one row per request (*.csv)</source>
        <translation>CSV, una fila por petición (*.csv)</translation>
    </message>
    <message>
        <source>Perfetto / Chrome trace (*.trace.json)</source>
        <translation>Traza de Perfetto / Chrome (*.trace.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <source>Exported the report to %1.</source>
        <translation>Informe exportado a %1.</translation>
    </message>
    <message>
        <source>The scenario now uses the built-in simulator: press Run.</source>
        <translation>El escenario usa ahora el simulador integrado: pulsa Ejecutar.</translation>
    </message>
    <message>
        <source>Stop the run first: the main window shows one run at a time.</source>
        <translation>Detén primero la ejecución: la ventana principal muestra una ejecución cada vez.</translation>
    </message>
    <message>
        <source>The sweep has no step %1 to show.</source>
        <translation>El barrido no tiene ningún paso %1 que mostrar.</translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation>ritmo %1/s</translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation>concurrencia %1</translation>
    </message>
    <message>
        <source>sweep step %1 (%2)</source>
        <translation>paso %1 del barrido (%2)</translation>
    </message>
    <message>
        <source>Showing sweep step %1 (%2).</source>
        <translation>Mostrando el paso %1 del barrido (%2).</translation>
    </message>
    <message>
        <source>Cannot sweep</source>
        <translation>No se puede hacer el barrido</translation>
    </message>
    <message>
        <source>The code</source>
        <translation>El código</translation>
    </message>
    <message>
        <source>The scenario now uses the socket transport: press Run.</source>
        <translation>El escenario usa ahora el transporte de sockets: pulsa Ejecutar.</translation>
    </message>
    <message>
        <source>Replaying %1 at %2: the story is told as it happened.</source>
        <translation>Reproduciendo %1 a %2: la historia se cuenta tal como pasó.</translation>
    </message>
    <message>
        <source>Replaying “%1” at %2…</source>
        <translation>Reproduciendo «%1» a %2…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>Re&amp;play saved run…</source>
        <translation>Re&amp;producir una ejecución guardada…</translation>
    </message>
    <message>
        <source>Play a saved run back slowly, the story told as it happened; pause, step, or click a line of the story to go back to it</source>
        <translation>Reproduce despacio una ejecución guardada, con la historia contada tal como pasó; pausa, avanza paso a paso o haz clic en una línea de la historia para volver a ese momento</translation>
    </message>
    <message>
        <source>Replay at %1</source>
        <translation>Reproducir a %1</translation>
    </message>
    <message>
        <source>&amp;Pause replay</source>
        <translation>Pa&amp;usar la reproducción</translation>
    </message>
    <message>
        <source>Pause or resume the replay (Space)</source>
        <translation>Pausa o reanuda la reproducción (Espacio)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>Pa&amp;so</translation>
    </message>
    <message>
        <source>Pause and go to the next recorded event (.)</source>
        <translation>Pausa y va al siguiente evento registrado (.)</translation>
    </message>
    <message>
        <source>Replay a saved run</source>
        <translation>Reproducir una ejecución guardada</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproducción</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>«%1» (%2)</translation>
    </message>
    <message>
        <source>“%1”, %2 (%3)</source>
        <translation>«%1», %2 (%3)</translation>
    </message>
    <message>
        <source>time in line before sending</source>
        <translation>tiempo en la fila antes de enviarse</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RaceController</name>
    <message>
        <source>A race is already running.</source>
        <translation>Ya hay una carrera en marcha.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RacePreset</name>
    <message>
        <source>8 orders × 2 s (I/O-bound)</source>
        <translation>8 pedidos × 2 s (limitado por E/S)</translation>
    </message>
    <message>
        <source>Eight orders, each takes two seconds in the kitchen. A cashier who stands at the counter until each order is out serves them in 16 s. A cashier who hands out a number and takes the next order while the kitchen works (the event loop) has all eight out in about 2 s. Four cashier-cooks who each wait at the counter for their own order need two rounds, about 4 s, and every one of them is held the whole time doing nothing.</source>
        <translation>Ocho pedidos, dos segundos de cocina cada uno. Un cajero que se queda plantado en el mostrador hasta que sale cada pedido tarda 16 s. Un cajero que entrega un número y atiende al siguiente mientras la cocina trabaja (el bucle de eventos) tiene los ocho listos en unos 2 s. Cuatro cajeros-cocineros que esperan cada uno su propio pedido necesitan dos rondas, unos 4 s, y cada uno pasa todo ese rato parado sin hacer nada.</translation>
    </message>
    <message>
        <source>Clean the house: 8 rooms × 500 ms of CPU</source>
        <translation>Limpiar la casa: 8 habitaciones × 500 ms de CPU</translation>
    </message>
    <message>
        <source>Eight rooms to clean, half a second of real work each. Nobody waits on anything here: it is all effort. Room after room takes N·T. Hopping between rooms on one thread (concurrency) spreads the attention, but the same pair of hands does all the scrubbing: no faster. One helper per core (QtConcurrent) splits the rooms and is done in about N·T / cores.</source>
        <translation>Ocho habitaciones que limpiar, medio segundo de trabajo real cada una. Aquí nadie espera nada: todo es esfuerzo. Una detrás de otra cuesta N·T. Saltar de una a otra en un solo hilo (concurrencia) reparte la atención, pero el mismo par de manos lo friega todo: no acaba antes. Un ayudante por núcleo (QtConcurrent) se reparte las habitaciones y termina en torno a N·T / núcleos.</translation>
    </message>
    <message>
        <source>Web + ML: 8 calls × (2 s wait + 500 ms CPU)</source>
        <translation>Web + ML: 8 llamadas × (2 s de espera + 500 ms de CPU)</translation>
    </message>
    <message>
        <source>A web service calls a model and then crunches each answer: two seconds of waiting, then half a second of computing. One at a time it costs N·(T_io + T_cpu). Blocking workers overlap the waits but elbow each other for the cores when they all compute at once. The mixed design keeps every call in flight on the event loop and hands the crunching to a pool as big as the machine: the waiting and the computing each go to the tool that suits them.</source>
        <translation>Un servicio web llama a un modelo y luego procesa cada respuesta: dos segundos de espera y medio segundo de cálculo. De uno en uno cuesta N·(T_io + T_cpu). Los trabajadores bloqueantes solapan las esperas, pero se dan codazos por los núcleos cuando calculan a la vez. El diseño mixto mantiene todas las llamadas en vuelo en el bucle de eventos y deja el cálculo a un pool del tamaño de la máquina: la espera y el cálculo van cada uno a la herramienta que les sirve.</translation>
    </message>
    <message>
        <source>Blocking the cashier: CPU work on the event loop</source>
        <translation>Bloquear al cajero: trabajo de CPU en el bucle de eventos</translation>
    </message>
    <message>
        <source>Orders arrive every quarter of a second. In the anti-pattern the lone cashier, each time an order comes out, starts cleaning the house right at the till: for half a second nobody is served, no number is called, no token is read. Watch the loop lane turn red and its lag jump to the length of the chore. Give the same chore to the pool (mixed) and the cashier stays free.</source>
        <translation>Llega un pedido cada cuarto de segundo. En el antipatrón el cajero, cada vez que sale un pedido, se pone a limpiar la casa en la misma caja: durante medio segundo no atiende a nadie, no canta ningún número, no lee ningún token. Mira cómo la línea del bucle se pone roja y su retraso salta a la duración de la tarea. Pasa esa misma tarea al pool (mixto) y el cajero sigue libre.</translation>
    </message>
    <message>
        <source>Background jobs: accept now, work later, poll the status</source>
        <translation>Trabajos en segundo plano: aceptar ya, trabajar después, consultar el estado</translation>
    </message>
    <message>
        <source>The client drops off eight jobs and gets a ticket for each at once (pending) instead of waiting at the counter. Two job workers take them in turn (running): each calls the model and then processes the answer. The client glances at the board every so often to see which are done and which failed. Every fourth job meets a server error on purpose, so a failure shows up as a status too.</source>
        <translation>El cliente deja ocho trabajos y recibe al momento un ticket por cada uno (pendiente) en vez de esperar en el mostrador. Dos trabajadores los van tomando (en curso): cada uno llama al modelo y después procesa la respuesta. El cliente echa un vistazo al tablero de vez en cuando para ver cuáles han terminado y cuáles han fallado. Uno de cada cuatro se topa a propósito con un error del servidor, para que un fallo también se vea como estado.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RaceWindow</name>
    <message>
        <source>Cannot start the race</source>
        <translation>No se puede empezar la carrera</translation>
    </message>
    <message>
        <source>Sequential: one thing after another</source>
        <translation>Secuencial: una cosa tras otra</translation>
    </message>
    <message>
        <source>Concurrent: one event loop</source>
        <translation>Concurrente: un bucle de eventos</translation>
    </message>
    <message numerus="yes">
        <source>Parallel: %n blocking worker(s)</source>
        <translation>
            <numerusform>Paralelo: %n trabajador bloqueante</numerusform>
            <numerusform>Paralelo: %n trabajadores bloqueantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parallel CPU: QtConcurrent on %n core(s)</source>
        <translation>
            <numerusform>CPU en paralelo: QtConcurrent en %n núcleo</numerusform>
            <numerusform>CPU en paralelo: QtConcurrent en %n núcleos</numerusform>
        </translation>
    </message>
    <message>
        <source>Both: event loop + QtConcurrent</source>
        <translation>Las dos cosas: bucle de eventos + QtConcurrent</translation>
    </message>
    <message>
        <source>Anti-pattern: CPU work on the event loop</source>
        <translation>Antipatrón: trabajo de CPU en el bucle de eventos</translation>
    </message>
    <message numerus="yes">
        <source>Background jobs: %n worker(s)</source>
        <translation>
            <numerusform>Tareas en segundo plano: %n trabajador</numerusform>
            <numerusform>Tareas en segundo plano: %n trabajadores</numerusform>
        </translation>
    </message>
    <message>
        <source>Measured: %1 s</source>
        <translation>Medido: %1 s</translation>
    </message>
    <message>
        <source>Measured: running… %1 s</source>
        <translation>Medido: en marcha… %1 s</translation>
    </message>
    <message>
        <source>Measured: —</source>
        <translation>Medido: —</translation>
    </message>
    <message>
        <source>Theory: %1 s</source>
        <translation>Teoría: %1 s</translation>
    </message>
    <message>
        <source>Theory: —</source>
        <translation>Teoría: —</translation>
    </message>
    <message>
        <source>Efficiency: %1 %</source>
        <translation>Eficiencia: %1 %</translation>
    </message>
    <message>
        <source>Theory ÷ measured: 100 % is as fast as the ideal run.</source>
        <translation>Teoría ÷ medido: 100 % es tan rápido como la ejecución ideal.</translation>
    </message>
    <message>
        <source>Speed-up: %1× (against the theoretical sequential time)</source>
        <translation>Aceleración: %1× (frente al tiempo secuencial teórico)</translation>
    </message>
    <message>
        <source>Speed-up: %1× over sequential</source>
        <translation>Aceleración: %1× respecto a secuencial</translation>
    </message>
    <message>
        <source>Efficiency: —</source>
        <translation>Eficiencia: —</translation>
    </message>
    <message>
        <source>Did not run: %1</source>
        <translation>No se ejecutó: %1</translation>
    </message>
    <message>
        <source>Stopped: the figures cover what ran.</source>
        <translation>Detenido: las cifras cubren lo que llegó a ejecutarse.</translation>
    </message>
    <message>
        <source>T_io estimated from the measured latency.</source>
        <translation>T_io estimado a partir de la latencia medida.</translation>
    </message>
    <message>
        <source>Worst event-loop lag: %1 ms</source>
        <translation>Peor retraso del bucle de eventos: %1 ms</translation>
    </message>
    <message>
        <source>Threads held while only waiting: %1 s</source>
        <translation>Hilos retenidos solo para esperar: %1 s</translation>
    </message>
    <message>
        <source>Waiting for its turn.</source>
        <translation>Esperando su turno.</translation>
    </message>
    <message>
        <source>The race could not start: %1</source>
        <translation>La carrera no pudo empezar: %1</translation>
    </message>
    <message>
        <source>Running %1 (%2 of %3)…</source>
        <translation>Ejecutando %1 (%2 de %3)…</translation>
    </message>
    <message>
        <source>Starting the race…</source>
        <translation>Empezando la carrera…</translation>
    </message>
    <message>
        <source>Stopped: the rows keep what ran.</source>
        <translation>Detenida: las filas conservan lo que llegó a ejecutarse.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Run race</source>
        <translation>&amp;Ejecutar la carrera</translation>
    </message>
    <message>
        <source>Stop the race; the model in progress is cut off (Esc)</source>
        <translation>Detiene la carrera; el modelo en curso se corta (Esc)</translation>
    </message>
    <message>
        <source>Run the workload through every model, one after another</source>
        <translation>Pasa la carga de trabajo por cada modelo, uno tras otro</translation>
    </message>
    <message>
        <source>A race is already running.</source>
        <translation>Ya hay una carrera en marcha.</translation>
    </message>
    <message>
        <source>Finished: the fastest was “%1”, %2 s. Every row is drawn on the same time axis: compare the lengths.</source>
        <translation>Terminada: el más rápido fue «%1», %2 s. Todas las filas están dibujadas sobre el mismo eje de tiempo: compara las longitudes.</translation>
    </message>
    <message>
        <source>Press Run: the models run one after another, each on its own clock from 0, drawn on one shared time axis. The theory is already there: see how close each model gets.</source>
        <translation>Pulsa Ejecutar: los modelos corren uno tras otro, cada uno con su propio reloj desde 0, dibujados sobre un único eje de tiempo compartido. La teoría ya está ahí: mira cuánto se le acerca cada modelo.</translation>
    </message>
    <message>
        <source>Efficiency: %1 % (%2 % on the CPU it got)</source>
        <translation>Eficiencia: %1 % (%2 % con la CPU que obtuvo)</translation>
    </message>
    <message>
        <source>with %1 of the %2 cores it asked for</source>
        <translation>con %1 de los %2 núcleos que pidió</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n CPU task(s), no requests.</source>
        <translation>
            <numerusform>Hecho: %n tarea de CPU, ninguna petición.</numerusform>
            <numerusform>Hecho: %n tareas de CPU, ninguna petición.</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU time the tasks got: %1 s, %2 cores on average</source>
        <translation>Tiempo de CPU que obtuvieron las tareas: %1 s, %2 núcleos de media</translation>
    </message>
    <message>
        <source>This machine gave the run %1 of the %2 cores it asked for: other programs were using the rest, so it took longer than on an idle machine.</source>
        <translation>Esta máquina dio a la ejecución %1 de los %2 núcleos que pidió: otros programas usaban el resto, así que tardó más que en una máquina libre.</translation>
    </message>
    <message>
        <source>Finished: “%1” took %2 s. Add another model to the race to compare it with.</source>
        <translation>Terminada: «%1» tardó %2 s. Añade otro modelo a la carrera para compararlo.</translation>
    </message>
    <message>
        <source>against %1 of the %2 jobs one at a time: the failed ones cost nothing</source>
        <translation>frente a %1 de los %2 trabajos de uno en uno: los fallidos no cuestan nada</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RequestDescription</name>
    <message>
        <source>in line</source>
        <translation>en la fila</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Petición n.º %1</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>calentamiento</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>En la fila</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>E2E latency</source>
        <translation>Latencia E2E</translation>
    </message>
    <message>
        <source>Token events</source>
        <translation>Eventos de token</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Estado HTTP</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id de la petición</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>sin error</translation>
    </message>
    <message>
        <source>HTTP 429: too many requests</source>
        <translation>HTTP 429: demasiadas peticiones</translation>
    </message>
    <message>
        <source>HTTP %1: the server failed</source>
        <translation>HTTP %1: el servidor falló</translation>
    </message>
    <message>
        <source>HTTP %1: the server refused the request</source>
        <translation>HTTP %1: el servidor rechazó la petición</translation>
    </message>
    <message>
        <source>connection refused: nothing answers at that address</source>
        <translation>conexión rechazada: nada responde en esa dirección</translation>
    </message>
    <message>
        <source>host not found: the name does not resolve</source>
        <translation>servidor no encontrado: el nombre no se resuelve</translation>
    </message>
    <message>
        <source>the secure (TLS) connection failed</source>
        <translation>falló la conexión segura (TLS)</translation>
    </message>
    <message>
        <source>connection closed before the answer was complete</source>
        <translation>conexión cerrada antes de completar la respuesta</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>error de red</translation>
    </message>
    <message>
        <source>timed out: longer than the total time limit</source>
        <translation>tiempo agotado: más que el límite de tiempo total</translation>
    </message>
    <message>
        <source>timed out: the server went quiet too long</source>
        <translation>tiempo agotado: el servidor calló demasiado tiempo</translation>
    </message>
    <message>
        <source>the server reported an error in the stream</source>
        <translation>el servidor informó de un error en el stream</translation>
    </message>
    <message>
        <source>a streamed piece was not valid JSON</source>
        <translation>un fragmento del stream no era JSON válido</translation>
    </message>
    <message>
        <source>the stream ended without its final [DONE]</source>
        <translation>el stream terminó sin su [DONE] final</translation>
    </message>
    <message>
        <source>the answer carried no tokens</source>
        <translation>la respuesta no traía tokens</translation>
    </message>
    <message>
        <source>the answer was not an OpenAI completion</source>
        <translation>la respuesta no era una completion de OpenAI</translation>
    </message>
    <message>
        <source>the answer was larger than the size limit</source>
        <translation>la respuesta superó el límite de tamaño</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>cancelled because another request failed (fail-fast)</source>
        <translation>cancelada porque otra petición falló (fail-fast)</translation>
    </message>
    <message>
        <source>cut off by the end of the run</source>
        <translation>cortada por el fin de la ejecución</translation>
    </message>
    <message>
        <source>the answer did not start with an HTTP status line</source>
        <translation>la respuesta no empezaba con una línea de estado HTTP</translation>
    </message>
    <message>
        <source>the answer&apos;s chunked encoding was broken</source>
        <translation>la codificación por fragmentos (chunked) de la respuesta estaba rota</translation>
    </message>
    <message>
        <source>the answer&apos;s headers were larger than the limit</source>
        <translation>las cabeceras de la respuesta superaban el límite</translation>
    </message>
    <message>
        <source>HTTP %1: redirected elsewhere (not followed)</source>
        <translation>HTTP %1: redirigida a otro sitio (no se sigue)</translation>
    </message>
    <message>
        <source>one streamed line or event was larger than the limit</source>
        <translation>una línea o evento del flujo superaba el límite</translation>
    </message>
    <message>
        <source>cut to keep the run&apos;s memory within its buffer budget</source>
        <translation>cortada para mantener la memoria de la ejecución dentro de su presupuesto de búfer</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RunController</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>Ya hay una ejecución en curso.</translation>
    </message>
    <message>
        <source>The run has nothing to replay: no request, task or job was recorded.</source>
        <translation>La ejecución no tiene nada que reproducir: no se registró ninguna petición, tarea ni trabajo.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::RunStory</name>
    <message>
        <source>This run: no CPU task ran.</source>
        <translation>Esta ejecución: no se ejecutó ninguna tarea de CPU.</translation>
    </message>
    <message numerus="yes">
        <source>This run: %n room(s) cleaned, %1 of work in all, by %2 in %3.</source>
        <translation>
            <numerusform>Esta ejecución: %n habitación limpia, %1 de trabajo en total, por %2 en %3.</numerusform>
            <numerusform>Esta ejecución: %n habitaciones limpias, %1 de trabajo en total, por %2 en %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n helper(s)</source>
        <translation>
            <numerusform>%n ayudante</numerusform>
            <numerusform>%n ayudantes</numerusform>
        </translation>
    </message>
    <message>
        <source>One helper alone would need about as long: the work did not spread.</source>
        <translation>Un solo ayudante tardaría más o menos lo mismo: el trabajo no se repartió.</translation>
    </message>
    <message>
        <source>One helper alone would need about %1: %2 faster.</source>
        <translation>Un solo ayudante necesitaría unos %1: %2 más rápido.</translation>
    </message>
    <message>
        <source>The bottleneck was this computer: the helpers had a core for only %1 of the time they ran; other programs were using the rest.</source>
        <translation>El cuello de botella fue este ordenador: los ayudantes tuvieron un núcleo solo el %1 del tiempo que estuvieron en marcha; otros programas usaban el resto.</translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the cores: %1 at work at once on %n core(s), no room for more.</source>
        <translation>
            <numerusform>El cuello de botella fueron los núcleos: %1 trabajando a la vez en %n núcleo, sin sitio para más.</numerusform>
            <numerusform>El cuello de botella fueron los núcleos: %1 trabajando a la vez en %n núcleos, sin sitio para más.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the one helper: however the work is juggled, it is done one piece at a time.</source>
        <translation>El cuello de botella fue el único ayudante: por mucho que se alternen las tareas, el trabajo se hace de trozo en trozo.</translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the helpers: %1 at once, while the machine has %n core(s).</source>
        <translation>
            <numerusform>El cuello de botella fueron los ayudantes: %1 a la vez, y la máquina tiene %n núcleo.</numerusform>
            <numerusform>El cuello de botella fueron los ayudantes: %1 a la vez, y la máquina tiene %n núcleos.</numerusform>
        </translation>
    </message>
    <message>
        <source>This run: no order went out.</source>
        <translation>Esta ejecución: no salió ningún pedido.</translation>
    </message>
    <message numerus="yes">
        <source>This run: %n order(s), %1 served, each in about %2.</source>
        <translation>
            <numerusform>Esta ejecución: %n pedido, %1 servido, cada uno en unos %2.</numerusform>
            <numerusform>Esta ejecución: %n pedidos, %1 servidos, cada uno en unos %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This run: %n order(s), none served.</source>
        <translation>
            <numerusform>Esta ejecución: %n pedido, ninguno servido.</numerusform>
            <numerusform>Esta ejecución: %n pedidos, ninguno servido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their times add up to %1 and the run took %2: one after another, hardly any overlap.</source>
        <translation>Sus tiempos suman %1 y la ejecución tardó %2: uno detrás de otro, casi sin solaparse.</translation>
    </message>
    <message numerus="yes">
        <source>Their times add up to %1, yet the run took %2, %3 faster than one at a time: up to %n were in flight at once.</source>
        <translation>
            <numerusform>Sus tiempos suman %1, pero la ejecución tardó %2, %3 más rápido que de uno en uno: hubo hasta %n en curso a la vez.</numerusform>
            <numerusform>Sus tiempos suman %1, pero la ejecución tardó %2, %3 más rápido que de uno en uno: hubo hasta %n en curso a la vez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) handed out within %1; the cooks finished the last after %2.</source>
        <translation>
            <numerusform>%n tique entregado en %1; los cocineros terminaron el último a los %2.</numerusform>
            <numerusform>%n tiques entregados en %1; los cocineros terminaron el último a los %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed in the back.</source>
        <translation>
            <numerusform>%n trabajo falló en la trastienda.</numerusform>
            <numerusform>%n trabajos fallaron en la trastienda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their answers took %1 of CPU work in the back, on %2.</source>
        <translation>Sus respuestas costaron %1 de trabajo de CPU en la trastienda, con %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) needed another try (%1 more in all), waiting %2 between tries.</source>
        <translation>
            <numerusform>%n pedido necesitó otro intento (%1 más en total), con %2 de espera entre intentos.</numerusform>
            <numerusform>%n pedidos necesitaron otro intento (%1 más en total), con %2 de espera entre intentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n went wrong, most often: %1.</source>
        <translation>
            <numerusform>%n salió mal, sobre todo por: %1.</numerusform>
            <numerusform>%n salieron mal, sobre todo por: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never finished: the run ended first.</source>
        <translation>
            <numerusform>%n no terminó nunca: antes acabó la ejecución.</numerusform>
            <numerusform>%n no terminaron nunca: antes acabó la ejecución.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the kitchen: every order went out as soon as it came and only waited for the server.</source>
        <translation>El cuello de botella fue la cocina: cada pedido salió en cuanto llegó y solo esperó al servidor.</translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the kitchen: up to %n order(s) waited there for a cook, by the server&apos;s own count.</source>
        <translation>
            <numerusform>El cuello de botella fue la cocina: hasta %n pedido esperó allí a un cocinero, según la cuenta del propio servidor.</numerusform>
            <numerusform>El cuello de botella fue la cocina: hasta %n pedidos esperaron allí a un cocinero, según la cuenta del propio servidor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the line: one order at a time, so %n order(s) waited in line, the longest %1.</source>
        <translation>
            <numerusform>El cuello de botella fue la fila: un pedido cada vez, así que %n pedido esperó en la fila, el que más %1.</numerusform>
            <numerusform>El cuello de botella fue la fila: un pedido cada vez, así que %n pedidos esperaron en la fila, el que más %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The bottleneck was the line at the counter: only %1 at a time, so %n order(s) waited in line, the longest %2.</source>
        <translation>
            <numerusform>El cuello de botella fue la fila del mostrador: solo %1 a la vez, así que %n pedido esperó en la fila, el que más %2.</numerusform>
            <numerusform>El cuello de botella fue la fila del mostrador: solo %1 a la vez, así que %n pedidos esperaron en la fila, el que más %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bottleneck was the cashier: it cooked at the counter for %1 in all (the longest %2), and nothing else moved meanwhile.</source>
        <translation>El cuello de botella fue el cajero: cocinó en el mostrador %1 en total (la vez más larga, %2) y mientras tanto no se movió nada más.</translation>
    </message>
    <message>
        <source>The bottleneck was the cashier: its own work on the event loop held the others up.</source>
        <translation>El cuello de botella fue el cajero: su propio trabajo en el bucle de eventos retuvo a los demás.</translation>
    </message>
    <message>
        <source>The bottleneck was this computer: the client&apos;s event loop was saturated, so these figures tell more about the client than about the server.</source>
        <translation>El cuello de botella fue este ordenador: el bucle de eventos del cliente estaba saturado, así que estas cifras dicen más del cliente que del servidor.</translation>
    </message>
    <message>
        <source>Nothing was served: this run shows what went wrong, not how fast the kitchen is.</source>
        <translation>No se sirvió nada: esta ejecución muestra qué salió mal, no lo rápida que es la cocina.</translation>
    </message>
    <message>
        <source>The cashier (the event loop) was idle %1 of the time.</source>
        <translation>El cajero (el bucle de eventos) estuvo libre el %1 del tiempo.</translation>
    </message>
    <message numerus="yes">
        <source>This scenario: %n room(s) to clean, about %1 of work each.</source>
        <translation>
            <numerusform>Este escenario: %n habitación que limpiar, unos %1 de trabajo.</numerusform>
            <numerusform>Este escenario: %n habitaciones que limpiar, unos %1 de trabajo cada una.</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Run to see how long they take.</source>
        <translation>Pulsa Ejecutar para ver cuánto tardan.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n pedido</numerusform>
            <numerusform>%n pedidos</numerusform>
        </translation>
    </message>
    <message>
        <source>as many orders as fit in %1</source>
        <translation>tantos pedidos como quepan en %1</translation>
    </message>
    <message>
        <source>This scenario: %1 arriving at %2 a second, at most %3 at a time.</source>
        <translation>Este escenario: %1 que llegan a %2 por segundo, como mucho %3 a la vez.</translation>
    </message>
    <message>
        <source>This scenario: %1, at most %2 at a time.</source>
        <translation>Este escenario: %1, como mucho %2 a la vez.</translation>
    </message>
    <message numerus="yes">
        <source>The built-in simulator takes about %1 an order: its first token after %2, then %n token(s) %3 apart.</source>
        <translation>
            <numerusform>El simulador integrado tarda unos %1 por pedido: su primer token a los %2 y luego %n token más, separado %3.</numerusform>
            <numerusform>El simulador integrado tarda unos %1 por pedido: su primer token a los %2 y luego %n tokens más, separados %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>One at a time, that is about %1.</source>
        <translation>De uno en uno, eso son unos %1.</translation>
    </message>
    <message>
        <source>One at a time that would be %1; %2 at a time, about %3.</source>
        <translation>De uno en uno serían %1; de %2 en %2, unos %3.</translation>
    </message>
    <message>
        <source>The kitchen is %1.</source>
        <translation>La cocina es %1.</translation>
    </message>
    <message>
        <source>Press Run to see what happens.</source>
        <translation>Pulsa Ejecutar para ver qué pasa.</translation>
    </message>
    <message>
        <source>The replay shows them as they ran; its figures follow at the end.</source>
        <translation>La reproducción las muestra tal como se ejecutaron; sus cifras llegan al final.</translation>
    </message>
    <message>
        <source>Each answer then gets about %1 of CPU work.</source>
        <translation>Después, cada respuesta recibe unos %1 de trabajo de CPU.</translation>
    </message>
    <message>
        <source>The replay shows it as it happened; its figures follow at the end.</source>
        <translation>La reproducción lo muestra tal como pasó; sus cifras llegan al final.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::ScenarioEditor</name>
    <message>
        <source>Burger shop: 8 orders</source>
        <translation>Hamburguesería: 8 pedidos</translation>
    </message>
    <message>
        <source>Chat service under load</source>
        <translation>Servicio de chat bajo carga</translation>
    </message>
    <message>
        <source>Flaky server</source>
        <translation>Servidor inestable</translation>
    </message>
    <message>
        <source>Your endpoint</source>
        <translation>Tu endpoint</translation>
    </message>
    <message>
        <source>Scenario problems</source>
        <translation>Problemas del escenario</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>URL: enter an http:// or https:// address with a host, e.g. http://localhost:8000/v1</source>
        <translation>URL: escribe una dirección http:// o https:// con un host, p. ej. http://localhost:8000/v1</translation>
    </message>
    <message>
        <source>Model: enter the model name the server expects</source>
        <translation>Modelo: escribe el nombre de modelo que espera el servidor</translation>
    </message>
    <message>
        <source>API key variable: a name like OPENAI_API_KEY (letters, digits, _), not the key itself</source>
        <translation>Variable de la clave: un nombre como OPENAI_API_KEY (letras, dígitos, _), no la clave en sí</translation>
    </message>
    <message>
        <source>Requests: set a number of requests or a duration, or the run would never end</source>
        <translation>Peticiones: indica un número de peticiones o una duración; si no, la ejecución no terminaría nunca</translation>
    </message>
    <message>
        <source>Backoff max: must be at least the backoff base</source>
        <translation>Espera máxima: debe ser al menos la espera base</translation>
    </message>
    <message>
        <source>Faults: the probabilities add up to %1 %; at most 100 %</source>
        <translation>Fallos: las probabilidades suman %1 %; como mucho 100 %</translation>
    </message>
    <message>
        <source>Fix before running:
%1</source>
        <translation>Corrige antes de ejecutar:
%1</translation>
    </message>
    <message>
        <source>Lunch rush: 16 orders, 4 at a time</source>
        <translation>Hora punta: 16 pedidos, 4 a la vez</translation>
    </message>
    <message>
        <source>CPU work: this mode is about CPU work; give each task some (e.g. 100 ms)</source>
        <translation>Trabajo de CPU: este modo va de trabajo de CPU; dale algo a cada tarea (p. ej. 100 ms)</translation>
    </message>
    <message>
        <source>Set menu: the kitchen keeps it ready</source>
        <translation>Menú del día: la cocina lo tiene listo</translation>
    </message>
    <message>
        <source>Regulars: back for a second order</source>
        <translation>Clientes habituales: vuelven a pedir</translation>
    </message>
    <message>
        <source>Input lengths</source>
        <translation>Longitudes de entrada</translation>
    </message>
    <message>
        <source>Output lengths</source>
        <translation>Longitudes de salida</translation>
    </message>
    <message>
        <source>Choose a dataset</source>
        <translation>Elige un conjunto de datos</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>Conjunto de datos: %1</translation>
    </message>
    <message numerus="yes">
        <source>A seeded sample of %n row(s) read; the first ones:</source>
        <translation>
            <numerusform>Leída una muestra con semilla de %n fila; la primera:</numerusform>
            <numerusform>Leída una muestra con semilla de %n filas; las primeras:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); the first ones:</source>
        <translation>
            <numerusform>%n fila; la primera:</numerusform>
            <numerusform>%n filas; las primeras:</numerusform>
        </translation>
    </message>
    <message>
        <source>input lengths estimated at about 4 bytes a token.</source>
        <translation>longitudes de entrada estimadas a unos 4 bytes por token.</translation>
    </message>
    <message>
        <source>(workload)</source>
        <translation>(carga de trabajo)</translation>
    </message>
    <message>
        <source>by sessions</source>
        <translation>por sesiones</translation>
    </message>
    <message>
        <source>by duration</source>
        <translation>por duración</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>Conjuntos de datos (*.jsonl *.json *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Think time</source>
        <translation>Tiempo de reflexión</translation>
    </message>
</context>
<context>
    <name>BurgerBench::StatsPanel</name>
    <message>
        <source>Run progress</source>
        <translation>Progreso de la ejecución</translation>
    </message>
    <message>
        <source>Running: %1 elapsed, about %2 left</source>
        <translation>En marcha: %1 transcurrido, quedan unos %2</translation>
    </message>
    <message>
        <source>Running: %1 elapsed</source>
        <translation>En marcha: %1 transcurrido</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %1 of %n request(s) done in %2</source>
        <translation>
            <numerusform>Terminada: %1 de %n petición hecha en %2</numerusform>
            <numerusform>Terminada: %1 de %n peticiones hechas en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Tiempo hasta el primer token</translation>
    </message>
    <message>
        <source>Between tokens</source>
        <translation>Entre tokens</translation>
    </message>
    <message>
        <source>Whole request</source>
        <translation>Petición completa</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selected %1 → %2 (%3)&lt;/b&gt;&lt;br&gt;Started: %4 · finished: %5 · failed: %6&lt;br&gt;Tokens: %7 (%8/s) · most in flight: %9&lt;br&gt;Event loop busy %10 % · worst lag %11</source>
        <translation>&lt;b&gt;Seleccionado %1 → %2 (%3)&lt;/b&gt;&lt;br&gt;Empezadas: %4 · terminadas: %5 · fallidas: %6&lt;br&gt;Tokens: %7 (%8/s) · máximo en curso: %9&lt;br&gt;Bucle de eventos ocupado %10 % · peor retraso %11</translation>
    </message>
    <message>
        <source>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</source>
        <translation>Arrastra sobre el eje de tiempo (o Mayús+arrastrar) para ver las estadísticas de un intervalo.</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n CPU task(s) done in %1</source>
        <translation>
            <numerusform>Terminada: %n tarea de CPU hecha en %1</numerusform>
            <numerusform>Terminada: %n tareas de CPU hechas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests/s, last second:</source>
        <translation>Peticiones/s, último segundo:</translation>
    </message>
    <message>
        <source>Requests/s, whole run:</source>
        <translation>Peticiones/s, toda la ejecución:</translation>
    </message>
    <message>
        <source>Requests/s:</source>
        <translation>Peticiones/s:</translation>
    </message>
    <message>
        <source>Tokens/s, last second:</source>
        <translation>Tokens/s, último segundo:</translation>
    </message>
    <message>
        <source>Tokens/s, whole run:</source>
        <translation>Tokens/s, toda la ejecución:</translation>
    </message>
    <message>
        <source>Tokens/s:</source>
        <translation>Tokens/s:</translation>
    </message>
    <message>
        <source>Finished requests per second, over the whole run</source>
        <translation>Peticiones terminadas por segundo, en toda la ejecución</translation>
    </message>
    <message>
        <source>Finished requests per second, over the last second</source>
        <translation>Peticiones terminadas por segundo, en el último segundo</translation>
    </message>
    <message>
        <source>Token events per second, over the whole run</source>
        <translation>Eventos de token por segundo, en toda la ejecución</translation>
    </message>
    <message>
        <source>Token events per second, over the last second</source>
        <translation>Eventos de token por segundo, en el último segundo</translation>
    </message>
    <message>
        <source>In line before sending</source>
        <translation>En la fila antes de enviarse</translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryNarrator</name>
    <message>
        <source>One order is waiting in the kitchen: the cooks, not the cashier, are the bottleneck.</source>
        <translation>Un pedido espera en la cocina: los cocineros, no el cajero, son el cuello de botella.</translation>
    </message>
    <message>
        <source>%1 orders are waiting in the kitchen: the cooks, not the cashier, are the bottleneck.</source>
        <translation>%1 pedidos esperan en la cocina: los cocineros, no el cajero, son el cuello de botella.</translation>
    </message>
    <message>
        <source>Nobody is waiting in the kitchen (%1 cooking) while %2 orders wait in line at the counter: the cashier, not the cooks, is the bottleneck.</source>
        <translation>En la cocina no espera nadie (%1 cocinando) mientras %2 pedidos esperan en la fila del mostrador: el cajero, no los cocineros, es el cuello de botella.</translation>
    </message>
    <message>
        <source>The cashier stopped serving for %1 to cook at the counter: nobody orders and no number is called meanwhile.</source>
        <translation>El cajero dejó de atender durante %1 para cocinar en el mostrador: mientras tanto nadie pide y no se llama ningún número.</translation>
    </message>
    <message>
        <source>Order %1 went wrong (%2): the customer leaves without burgers.</source>
        <translation>El pedido %1 salió mal (%2): el cliente se va sin hamburguesas.</translation>
    </message>
    <message>
        <source>The cashier takes order %1 and waits at the counter until it is ready; everybody else stays in line.</source>
        <translation>El cajero toma el pedido %1 y espera en el mostrador hasta que esté listo; todos los demás siguen en la fila.</translation>
    </message>
    <message>
        <source>A free cashier-cook takes order %1 and stands at the counter until its burgers are done.</source>
        <translation>Un cajero-cocinero libre toma el pedido %1 y se queda en el mostrador hasta que sus hamburguesas estén hechas.</translation>
    </message>
    <message>
        <source>Order %1 is waiting at the table with its number; the cashier is free and takes order %2.</source>
        <translation>El pedido %1 espera en la mesa con su número; el cajero está libre y toma el pedido %2.</translation>
    </message>
    <message>
        <source>The cashier takes orders %1 to %2, one after another, and hands out their numbers.</source>
        <translation>El cajero toma los pedidos del %1 al %2, uno tras otro, y reparte sus números.</translation>
    </message>
    <message>
        <source>The cashier takes order %1 and hands out its number.</source>
        <translation>El cajero toma el pedido %1 y entrega su número.</translation>
    </message>
    <message>
        <source>Number %1 shows on the counter after %2: its burgers start coming, one token at a time.</source>
        <translation>El número %1 aparece en el mostrador tras %2: sus hamburguesas empiezan a llegar, de token en token.</translation>
    </message>
    <message>
        <source>Number %1 shows on the counter: its burgers are ready.</source>
        <translation>El número %1 aparece en el mostrador: sus hamburguesas están listas.</translation>
    </message>
    <message>
        <source>Order %1 is served: %2 burgers (tokens) in %3.</source>
        <translation>Pedido %1 servido: %2 hamburguesas (tokens) en %3.</translation>
    </message>
    <message>
        <source>Closed early: %1 orders served, %2 went wrong, %3 never finished.</source>
        <translation>Cierre anticipado: %1 pedidos servidos, %2 salieron mal, %3 no llegaron a terminar.</translation>
    </message>
    <message>
        <source>Closing time: %1 orders served and %2 went wrong in %3.</source>
        <translation>Hora de cerrar: %1 pedidos servidos y %2 salieron mal en %3.</translation>
    </message>
    <message>
        <source>Sequential: one cashier, one order at a time</source>
        <translation>Secuencial: un cajero, un pedido cada vez</translation>
    </message>
    <message>
        <source>Concurrent: one cashier, many orders in flight</source>
        <translation>Concurrente: un cajero, muchos pedidos en curso</translation>
    </message>
    <message>
        <source>Parallel: cashier-cooks who wait at the counter</source>
        <translation>Paralelo: cajeros-cocineros que esperan en el mostrador</translation>
    </message>
    <message>
        <source>Parallel: helpers cleaning the house</source>
        <translation>Paralelo: ayudantes limpiando la casa</translation>
    </message>
    <message>
        <source>Both: a cashier in front, cooks in the back</source>
        <translation>Ambos: un cajero delante, cocineros detrás</translation>
    </message>
    <message>
        <source>Anti-pattern: the cashier cooks at the counter</source>
        <translation>Antipatrón: el cajero cocina en el mostrador</translation>
    </message>
    <message>
        <source>Now the job is cleaning the house: real work with no waiting in it. One cashier juggling tasks gains nothing, because every minute of work still has to be done by someone. Helpers who work at the same time, one per room (threads on separate cores), finish up to as many times faster as there are cores: solid green on every worker lane.</source>
        <translation>Ahora la tarea es limpiar la casa: trabajo de verdad, sin esperas. Un cajero que alterna tareas no gana nada, porque cada minuto de trabajo lo tiene que hacer alguien. Ayudantes que trabajan a la vez, uno por habitación (hilos en núcleos distintos), terminan hasta tantas veces más rápido como núcleos haya: verde sólido en cada carril de trabajador.</translation>
    </message>
    <message>
        <source>A web service with machine learning: the cashier keeps many orders in flight at the front, and a team of cooks in the back does the heavy work on each answer. Waiting overlaps on the event loop; computing spreads over the cores.</source>
        <translation>Un servicio web con aprendizaje automático: delante, el cajero mantiene muchos pedidos en curso, y detrás un equipo de cocineros hace el trabajo pesado con cada respuesta. Las esperas se solapan en el bucle de eventos; el cálculo se reparte entre los núcleos.</translation>
    </message>
    <message>
        <source>The only cashier starts cleaning the house in the middle of service. While the cleaning goes on, nobody can order, no number is called and the customers at the tables wait longer for nothing. That is CPU work or a blocking call on the event-loop thread: the loop lane turns red, its lag climbs, and every request gets slower.</source>
        <translation>El único cajero se pone a limpiar la casa en plena hora punta. Mientras limpia, nadie puede pedir, no se llama ningún número y los clientes de las mesas esperan más para nada. Eso es trabajo de CPU o una llamada bloqueante en el hilo del bucle de eventos: el carril del bucle se pone rojo, su retraso sube y todas las peticiones se alargan.</translation>
    </message>
    <message>
        <source>Busy counter: %1 orders taken, %2 start getting their burgers, %3 served, %4 went wrong; now %5 in line, %6 at the tables with a number, %7 eating.</source>
        <translation>Mostrador a tope: %1 pedidos tomados, %2 empiezan a recibir sus hamburguesas, %3 servidos, %4 salieron mal; ahora %5 en la fila, %6 en las mesas con su número, %7 comiendo.</translation>
    </message>
    <message>
        <source>The house is clean: %1 rooms done by %2 helpers in %3.</source>
        <translation>La casa está limpia: %1 habitaciones hechas por %2 ayudantes en %3.</translation>
    </message>
    <message>
        <source>Background jobs: order now, collect later</source>
        <translation>Trabajos en segundo plano: pide ahora, recoge después</translation>
    </message>
    <message>
        <source>The counter takes every order at once and hands back a ticket: the order is accepted, not done. Cooks in the back work through the tickets a few at a time, and the customer checks the board now and then to see whether theirs is pending, cooking, done or failed. The answer comes fast; the work still takes as long as the cooks need.</source>
        <translation>El mostrador acepta todos los pedidos a la vez y devuelve un ticket: el pedido está aceptado, no hecho. Los cocineros de la trastienda van sacando los tickets de pocos en pocos, y el cliente mira el tablero de vez en cuando para ver si el suyo está pendiente, en cocina, listo o fallido. La respuesta llega enseguida; el trabajo sigue tardando lo que tarden los cocineros.</translation>
    </message>
    <message>
        <source>The cashier takes one order and then stands at the counter until the kitchen hands over the burgers, before even greeting the next customer. Nothing is computed during that wait, yet nobody else is served: the waits add up, one after another. On the timeline the bars form a staircase.</source>
        <translation>El cajero toma un pedido y se queda plantado en el mostrador hasta que la cocina le entrega las hamburguesas, sin saludar siquiera al siguiente cliente. En esa espera no se calcula nada, pero tampoco se atiende a nadie más: las esperas se suman, una detrás de otra. En la línea de tiempo las barras forman una escalera.</translation>
    </message>
    <message>
        <source>The cashier takes an order, hands out a number and is free again at once. Customers wait at their tables while the kitchen works, and come back when their number is called. The waiting overlaps, so many orders take about as long as the slowest of them. This cashier is one event loop on one thread: the lanes are full of hatched waiting, and the loop lane stays almost idle.</source>
        <translation>El cajero toma un pedido, entrega un número y enseguida vuelve a estar libre. Los clientes esperan en sus mesas mientras la cocina trabaja y vuelven cuando se llama su número. Las esperas se solapan, así que muchos pedidos tardan más o menos lo que el más lento de ellos. Este cajero es un bucle de eventos en un solo hilo: los carriles se llenan de espera rayada y el carril del bucle casi no tiene trabajo.</translation>
    </message>
    <message>
        <source>Several cashier-cooks, each serving one customer from start to finish and standing at the counter while the burgers cook. As many orders move at once as there are cashier-cooks, but each one is held the whole time for nothing but waiting: the red bars on the worker lanes.</source>
        <translation>Varios cajeros-cocineros, cada uno atiende a un cliente de principio a fin y se queda en el mostrador mientras se hacen las hamburguesas. Avanzan a la vez tantos pedidos como cajeros-cocineros hay, pero cada uno está retenido todo el rato solo para esperar: las barras rojas de los carriles de los trabajadores.</translation>
    </message>
    <message>
        <source>The cashier (the event loop) was held up for %1 with no CPU work of the run&apos;s own on it: the client&apos;s own work or another program on this computer kept it busy.</source>
        <translation>El cajero (el bucle de eventos) estuvo retenido %1 sin trabajo de CPU propio de la ejecución: lo tuvo ocupado el trabajo del propio cliente u otro programa de este ordenador.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryPanel</name>
    <message>
        <source>The editor now asks for “%1”: press Run to see it.</source>
        <translation>El editor pide ahora «%1»: pulsa Ejecutar para verlo.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::StoryPicture</name>
    <message>
        <source>Burger shop picture</source>
        <translation>Dibujo de la hamburguesería</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>En la fila</translation>
    </message>
    <message>
        <source>Cashier-cooks</source>
        <translation>Cajeros-cocineros</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Ayudantes</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Cashier + cooks</source>
        <translation>Cajero + cocineros</translation>
    </message>
    <message>
        <source>At tables</source>
        <translation>En las mesas</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Servidos</translation>
    </message>
    <message>
        <source>went wrong: %1</source>
        <translation>salieron mal: %1</translation>
    </message>
    <message>
        <source>Some words did not fit: widen the panel to read them all.</source>
        <translation>Algunas palabras no cabían: ensancha el panel para leerlas todas.</translation>
    </message>
    <message>
        <source>not due yet: %1</source>
        <translation>aún no les toca: %1</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepController</name>
    <message>
        <source>A sweep is already running.</source>
        <translation>Ya hay un barrido en marcha.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepCurve</name>
    <message>
        <source>achieved requests/s</source>
        <translation>peticiones/s conseguidas</translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>Served against offered</source>
        <translation>Servido frente a ofrecido</translation>
    </message>
    <message>
        <source>Time to first token against served</source>
        <translation>Tiempo hasta el primer token frente a lo servido</translation>
    </message>
    <message>
        <source>offered load</source>
        <translation>carga ofrecida</translation>
    </message>
    <message>
        <source>offered requests/s (closed-loop steps at the rate they achieved)</source>
        <translation>peticiones/s ofrecidas (pasos en lazo cerrado al ritmo que consiguieron)</translation>
    </message>
    <message>
        <source>offered requests/s</source>
        <translation>peticiones/s ofrecidas</translation>
    </message>
    <message>
        <source>offered concurrency (requests in flight)</source>
        <translation>concurrencia ofrecida (peticiones en curso)</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>peticiones/s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>teoría</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>saturado</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>capacidad</translation>
    </message>
    <message>
        <source>ceiling S/T = %1/s</source>
        <translation>techo S/T = %1/s</translation>
    </message>
    <message>
        <source>ceiling %1/s</source>
        <translation>techo %1/s</translation>
    </message>
    <message>
        <source>SLO %1</source>
        <translation>SLO %1</translation>
    </message>
    <message>
        <source>The curve grows here as the steps finish.</source>
        <translation>La curva crece aquí a medida que terminan los pasos.</translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation>ritmo %1/s</translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation>concurrencia %1</translation>
    </message>
    <message>
        <source>%1: %2 requests/s served, TTFT p50 %3 ms, p99 %4 ms</source>
        <translation>%1: %2 peticiones/s servidas, TTFT p50 %3 ms, p99 %4 ms</translation>
    </message>
    <message>
        <source>Saturated: the line grew through the step.</source>
        <translation>Saturado: la cola creció durante todo el paso.</translation>
    </message>
    <message>
        <source>Missed the SLO.</source>
        <translation>No cumplió el SLO.</translation>
    </message>
    <message>
        <source>Click: show this step&apos;s timeline in the main window.</source>
        <translation>Clic: muestra la línea de tiempo de este paso en la ventana principal.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepDialog</name>
    <message>
        <source>Sweep</source>
        <translation>Barrido</translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation>el escenario</translation>
    </message>
    <message>
        <source>Runs “%1” at several load levels, one ordinary run a step, against the built-in simulator.</source>
        <translation>Ejecuta «%1» a varios niveles de carga, una ejecución normal por paso, contra el simulador integrado.</translation>
    </message>
    <message>
        <source>Runs “%1” at several load levels, one ordinary run a step, against %2.</source>
        <translation>Ejecuta «%1» a varios niveles de carga, una ejecución normal por paso, contra %2.</translation>
    </message>
    <message>
        <source>Concurrency: a closed loop at each value</source>
        <translation>Concurrencia: lazo cerrado en cada valor</translation>
    </message>
    <message>
        <source>Rate: an open loop at each value (requests/s)</source>
        <translation>Ritmo: lazo abierto en cada valor (peticiones/s)</translation>
    </message>
    <message>
        <source>Auto: one at a time, flat out, then rates between</source>
        <translation>Auto: de una en una, a tope y luego ritmos intermedios</translation>
    </message>
    <message>
        <source>Search: the highest level that meets the SLO</source>
        <translation>Búsqueda: el nivel más alto que cumple el SLO</translation>
    </message>
    <message>
        <source>rate (requests/s)</source>
        <translation>ritmo (peticiones/s)</translation>
    </message>
    <message>
        <source>concurrency (requests in flight)</source>
        <translation>concurrencia (peticiones en curso)</translation>
    </message>
    <message>
        <source>Rate steps arrive at constant intervals</source>
        <translation>Pasos de ritmo con llegadas a intervalos constantes</translation>
    </message>
    <message>
        <source>Off: the scenario&apos;s burstiness (1 = Poisson). A short Poisson step delivers a fixed seed&apos;s share of its rate at every level.</source>
        <translation>Desactivado: las ráfagas del escenario (1 = Poisson). Un paso Poisson corto entrega en cada nivel la misma fracción de su ritmo, la que da una semilla fija.</translation>
    </message>
    <message>
        <source>A list 1,2,4 or a range A:B:STEP such as 5:30:5; for a search, the range LO,HI (optional)</source>
        <translation>Una lista 1,2,4 o un rango A:B:PASO como 5:30:5; para una búsqueda, el rango MÍN,MÁX (opcional)</translation>
    </message>
    <message>
        <source>What must hold, comma-separated, e.g. ttft.p99&lt;=400ms,itl.p95&lt;=50ms,error_rate&lt;=1%</source>
        <translation>Lo que se debe cumplir, separado por comas, p. ej. ttft.p99&lt;=400ms,itl.p95&lt;=50ms,error_rate&lt;=1%</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Valores:</translation>
    </message>
    <message>
        <source>Auto s&amp;teps:</source>
        <translation>Pasos &amp;auto:</translation>
    </message>
    <message>
        <source>Search &amp;over:</source>
        <translation>Variable de &amp;búsqueda:</translation>
    </message>
    <message>
        <source>Search s&amp;tarts at:</source>
        <translation>Búsqueda &amp;desde:</translation>
    </message>
    <message>
        <source>&amp;SLO rules:</source>
        <translation>Reglas de &amp;SLO:</translation>
    </message>
    <message>
        <source>To&amp;lerance:</source>
        <translation>To&amp;lerancia:</translation>
    </message>
    <message>
        <source>&amp;Most probes:</source>
        <translation>&amp;Máx. de sondeos:</translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation>&amp;Repeticiones:</translation>
    </message>
    <message>
        <source>Each step &amp;lasts:</source>
        <translation>Cada paso d&amp;ura:</translation>
    </message>
    <message>
        <source>…or sends (re&amp;quests):</source>
        <translation>…o envía (pe&amp;ticiones):</translation>
    </message>
    <message>
        <source>&amp;Cap in flight (rate steps):</source>
        <translation>T&amp;ope en curso (pasos de ritmo):</translation>
    </message>
    <message>
        <source>Arrivals:</source>
        <translation>Llegadas:</translation>
    </message>
    <message>
        <source>Start the sweep</source>
        <translation>Empezar el barrido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>optional range LO,HI, e.g. 5,40</source>
        <translation>rango opcional MÍN,MÁX, p. ej. 5,40</translation>
    </message>
    <message>
        <source>e.g. 1,2,4 or 5:30:5</source>
        <translation>p. ej. 1,2,4 o 5:30:5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepHtml</name>
    <message>
        <source>level</source>
        <translation>nivel</translation>
    </message>
    <message>
        <source>synchronous</source>
        <translation>síncrono</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>rendimiento</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>sondeo</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>ritmo</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>concurrencia</translation>
    </message>
    <message>
        <source>search</source>
        <translation>búsqueda</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 pet/s</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>capacity bracket [%1, %2] %3</source>
        <translation>horquilla de capacidad [%1, %2] %3</translation>
    </message>
    <message>
        <source>achieved = offered</source>
        <translation>conseguido = ofrecido</translation>
    </message>
    <message>
        <source>capacity %1</source>
        <translation>capacidad %1</translation>
    </message>
    <message>
        <source>saturated (step %1)</source>
        <translation>saturado (paso %1)</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>Frontera de Pareto</translation>
    </message>
    <message>
        <source>step %1 · %2: %3 at %4 %5%6</source>
        <translation>paso %1 · %2: %3 con %4 %5%6</translation>
    </message>
    <message>
        <source> (saturated)</source>
        <translation> (saturado)</translation>
    </message>
    <message>
        <source>achieved requests/s (the profile mixes concurrency and rate steps)</source>
        <translation>peticiones/s conseguidas (el perfil mezcla pasos de concurrencia y de ritmo)</translation>
    </message>
    <message>
        <source>req/s achieved</source>
        <translation>pet/s conseguidas</translation>
    </message>
    <message>
        <source>offered load (requests/s)</source>
        <translation>carga ofrecida (peticiones/s)</translation>
    </message>
    <message>
        <source>req/s offered</source>
        <translation>pet/s ofrecidas</translation>
    </message>
    <message>
        <source>offered load (concurrency: requests in flight)</source>
        <translation>carga ofrecida (concurrencia: peticiones en curso)</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>SLO %1</source>
        <translation>SLO %1</translation>
    </message>
    <message>
        <source>Request throughput</source>
        <translation>Rendimiento de peticiones</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>peticiones/s</translation>
    </message>
    <message>
        <source>achieved requests/s</source>
        <translation>peticiones/s conseguidas</translation>
    </message>
    <message>
        <source>goodput (meeting the per-request SLOs)</source>
        <translation>goodput (las que cumplen los SLO por petición)</translation>
    </message>
    <message>
        <source>Steady state: the slope of the completed requests&apos; running count against their end times.</source>
        <translation>Régimen estacionario: la pendiente del recuento acumulado de peticiones completadas frente a sus instantes de fin.</translation>
    </message>
    <message>
        <source>Dotted: achieved = offered; below it the target falls behind.</source>
        <translation>Punteada: conseguido = ofrecido; por debajo, el destino se queda atrás.</translation>
    </message>
    <message>
        <source>ceiling S/T = %1 / %2 s = %3 req/s</source>
        <translation>techo S/T = %1 / %2 s = %3 pet/s</translation>
    </message>
    <message>
        <source>expected (theory)</source>
        <translation>esperado (teoría)</translation>
    </message>
    <message>
        <source>Grey: what the kitchen can serve in theory, S cooks each taking T = TTFT + (output tokens - 1) x token interval; past the ceiling the line only grows.</source>
        <translation>Gris: lo que la cocina puede servir en teoría, S cocineros que tardan cada uno T = TTFT + (tokens de salida - 1) x intervalo entre tokens; pasado el techo, la cola no hace más que crecer.</translation>
    </message>
    <message>
        <source>Output throughput</source>
        <translation>Rendimiento de salida</translation>
    </message>
    <message>
        <source>output tokens/s</source>
        <translation>tokens de salida/s</translation>
    </message>
    <message>
        <source>The slope of the successes&apos; running output-token count.</source>
        <translation>La pendiente del recuento acumulado de tokens de salida de los éxitos.</translation>
    </message>
    <message>
        <source>ceiling %1 tok/s</source>
        <translation>techo %1 tok/s</translation>
    </message>
    <message>
        <source>TTFT (time to first token)</source>
        <translation>TTFT (tiempo hasta el primer token)</translation>
    </message>
    <message>
        <source>ITL (inter-token latency)</source>
        <translation>ITL (latencia entre tokens)</translation>
    </message>
    <message>
        <source>E2EL (end-to-end latency)</source>
        <translation>E2EL (latencia de extremo a extremo)</translation>
    </message>
    <message>
        <source>Percentiles of each step&apos;s successful measured requests.</source>
        <translation>Percentiles de las peticiones medidas con éxito de cada paso.</translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation>Cola del servidor</translation>
    </message>
    <message>
        <source>requests waiting</source>
        <translation>peticiones en espera</translation>
    </message>
    <message>
        <source>peak waiting (server /metrics)</source>
        <translation>máximo en espera (/metrics del servidor)</translation>
    </message>
    <message>
        <source>The longest line in front of the kitchen the server reported during each step.</source>
        <translation>La cola más larga ante la cocina que notificó el servidor durante cada paso.</translation>
    </message>
    <message>
        <source>Pareto: per stream against total</source>
        <translation>Pareto: por stream frente al total</translation>
    </message>
    <message>
        <source>output tokens/s per stream</source>
        <translation>tokens de salida/s por stream</translation>
    </message>
    <message>
        <source>a step (labelled with its offered load)</source>
        <translation>un paso (etiquetado con su carga ofrecida)</translation>
    </message>
    <message>
        <source>Per stream: a request&apos;s output tokens over its E2EL, the mean of the step&apos;s successes. Dashed: the frontier, the steps no other step beats on both.</source>
        <translation>Por stream: los tokens de salida de una petición entre su E2EL, media de los éxitos del paso. Discontinua: la frontera, los pasos que ningún otro supera en ambas cosas.</translation>
    </message>
    <message>
        <source>BurgerBench sweep: %1</source>
        <translation>Barrido de BurgerBench: %1</translation>
    </message>
    <message>
        <source>built-in simulator</source>
        <translation>simulador integrado</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>variando %1</translation>
    </message>
    <message>
        <source>%1 step(s)</source>
        <translation>%1 paso(s)</translation>
    </message>
    <message>
        <source>Cancelled: the finished steps are shown.</source>
        <translation>Cancelado: se muestran los pasos terminados.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>tolerance %1%, at most %2 probes</source>
        <translation>tolerancia %1%, como mucho %2 sondeos</translation>
    </message>
    <message>
        <source>Theory</source>
        <translation>Teoría</translation>
    </message>
    <message>
        <source>S = %1 slots, T = %2 ms TTFT + %3 ms prefill + (%4 - 1) x %5 ms = %6 s</source>
        <translation>S = %1 huecos, T = %2 ms de TTFT + %3 ms de prellenado + (%4 - 1) x %5 ms = %6 s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitados</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Max request throughput</source>
        <translation>Rendimiento máximo de peticiones</translation>
    </message>
    <message>
        <source>the best level&apos;s mean steady-state requests/s</source>
        <translation>media de peticiones/s en régimen estacionario del mejor nivel</translation>
    </message>
    <message>
        <source>Max output throughput</source>
        <translation>Rendimiento máximo de salida</translation>
    </message>
    <message>
        <source>the best level&apos;s mean output tokens/s</source>
        <translation>media de tokens de salida/s del mejor nivel</translation>
    </message>
    <message>
        <source>Saturated at (step %1)</source>
        <translation>Saturado en (paso %1)</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Saturación</translation>
    </message>
    <message>
        <source>no step ran past what the target serves</source>
        <translation>ningún paso superó lo que sirve el destino</translation>
    </message>
    <message>
        <source>no level met the SLO</source>
        <translation>ningún nivel cumplió el SLO</translation>
    </message>
    <message>
        <source>Capacity (%1)</source>
        <translation>Capacidad (%1)</translation>
    </message>
    <message>
        <source>bracket [%1, %2], %3</source>
        <translation>horquilla [%1, %2], %3</translation>
    </message>
    <message>
        <source>Theoretical ceiling S/T</source>
        <translation>Techo teórico S/T</translation>
    </message>
    <message>
        <source>%1 slots / %2 s a request: more customers a second than this and the line only grows</source>
        <translation>%1 huecos / %2 s por petición: con más clientes por segundo que esto, la cola no hace más que crecer</translation>
    </message>
    <message>
        <source>Against the load</source>
        <translation>Frente a la carga</translation>
    </message>
    <message>
        <source>One point per step (a click opens its row below); the line joins the levels (the mean of their repeats). Red ring: saturated; hollow: missed the SLO. Red dashed line: the knee, the lowest saturated level.</source>
        <translation>Un punto por paso (un clic abre su fila más abajo); la línea une los niveles (la media de sus repeticiones). Anillo rojo: saturado; vacío: no cumplió el SLO. Línea roja discontinua: el codo, el nivel saturado más bajo.</translation>
    </message>
    <message>
        <source>Green: the capacity and its bracket.</source>
        <translation>Verde: la capacidad y su horquilla.</translation>
    </message>
    <message>
        <source>total output tokens/s</source>
        <translation>tokens de salida/s en total</translation>
    </message>
    <message>
        <source>tok/s in all</source>
        <translation>tok/s en total</translation>
    </message>
    <message>
        <source>Pareto view</source>
        <translation>Vista de Pareto</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ofrecido</translation>
    </message>
    <message>
        <source>Arrived (req/s)</source>
        <translation>Llegadas (pet/s)</translation>
    </message>
    <message>
        <source>Achieved (req/s)</source>
        <translation>Conseguido (pet/s)</translation>
    </message>
    <message>
        <source>Output (tok/s)</source>
        <translation>Salida (tok/s)</translation>
    </message>
    <message>
        <source>Goodput (req/s)</source>
        <translation>Goodput (pet/s)</translation>
    </message>
    <message>
        <source>TTFT p50 (ms)</source>
        <translation>TTFT p50 (ms)</translation>
    </message>
    <message>
        <source>TTFT p99 (ms)</source>
        <translation>TTFT p99 (ms)</translation>
    </message>
    <message>
        <source>ITL p50 (ms)</source>
        <translation>ITL p50 (ms)</translation>
    </message>
    <message>
        <source>ITL p99 (ms)</source>
        <translation>ITL p99 (ms)</translation>
    </message>
    <message>
        <source>E2EL p50 (ms)</source>
        <translation>E2EL p50 (ms)</translation>
    </message>
    <message>
        <source>E2EL p99 (ms)</source>
        <translation>E2EL p99 (ms)</translation>
    </message>
    <message>
        <source>OK / failed</source>
        <translation>Correctas / fallidas</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Little: L vs λ·W (ratio)</source>
        <translation>Little: L frente a λ·W (razón)</translation>
    </message>
    <message>
        <source>did not run: %1</source>
        <translation>no se ejecutó: %1</translation>
    </message>
    <message>
        <source>target failed: no request succeeded</source>
        <translation>el destino falló: ninguna petición salió bien</translation>
    </message>
    <message>
        <source>SATURATED (%1)</source>
        <translation>SATURADO (%1)</translation>
    </message>
    <message>
        <source>meets SLO</source>
        <translation>cumple el SLO</translation>
    </message>
    <message>
        <source>misses SLO: %1</source>
        <translation>no cumple el SLO: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>(repeat %1)</source>
        <translation>(repetición %1)</translation>
    </message>
    <message>
        <source>%1 vs %2 (%3)</source>
        <translation>%1 frente a %2 (%3)</translation>
    </message>
    <message>
        <source>L = %1 in the system on average; λ = %2 req/s x W = %3 s</source>
        <translation>L = %1 en el sistema de media; λ = %2 pet/s x W = %3 s</translation>
    </message>
    <message>
        <source>Arrived: the rate the requests really arrived at (open loop). Achieved and output: steady-state rates. Goodput: successes meeting the per-request SLOs (--slo-ttft, --slo-tpot, --slo-e2el) / duration, when the steps had them. Little&apos;s law: L, the mean number of requests in the system (from dispatch to the last token), against the achieved rate λ times the mean E2EL W; in a steady state they agree (ratio 1), a line that keeps growing breaks it. Every step&apos;s full run report is in the sweep JSON.</source>
        <translation>Llegadas: el ritmo al que llegaron de verdad las peticiones (lazo abierto). Conseguido y salida: ritmos en régimen estacionario. Goodput: éxitos que cumplen los SLO por petición (--slo-ttft, --slo-tpot, --slo-e2el) / duración, cuando los pasos los tenían. Ley de Little: L, el número medio de peticiones en el sistema (desde el envío hasta el último token), frente al ritmo conseguido λ por el E2EL medio W; en régimen estacionario coinciden (razón 1), y una cola que no para de crecer la rompe. El informe de ejecución completo de cada paso está en el JSON del barrido.</translation>
    </message>
    <message>
        <source>Levels (mean and 95% interval of %1 repeats)</source>
        <translation>Niveles (media e intervalo del 95 % de %1 repeticiones)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>saturado</translation>
    </message>
    <message>
        <source>misses SLO</source>
        <translation>no cumple el SLO</translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from a burgerbench.sweep/1 report. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation>Generado por BurgerBench %1 a partir de un informe burgerbench.sweep/1. Autónomo: no carga scripts, fuentes ni imágenes de ningún sitio.</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>E2EL p99</source>
        <translation>E2EL p99</translation>
    </message>
    <message>
        <source>BurgerBench: two sweeps compared</source>
        <translation>BurgerBench: dos barridos comparados</translation>
    </message>
    <message>
        <source>Levels both sweeps ran</source>
        <translation>Niveles que ejecutaron ambos barridos</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ruido</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Generated by BurgerBench %1 from two burgerbench.sweep/1 reports. Self-contained: no scripts, fonts or images are loaded from anywhere.</source>
        <translation>Generado por BurgerBench %1 a partir de dos informes burgerbench.sweep/1. Autónomo: no carga scripts, fuentes ni imágenes de ningún sitio.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::SweepWindow</name>
    <message>
        <source>rate %1/s</source>
        <translation>ritmo %1/s</translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation>concurrencia %1</translation>
    </message>
    <message>
        <source>The sweep could not start: %1</source>
        <translation>El barrido no pudo empezar: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <source>Step %1 of at most %2</source>
        <translation>Paso %1 de %2 como máximo</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation>tiempo restante desconocido</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>quedan unos %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>quedan unos %1 min</translation>
    </message>
    <message>
        <source>%1: %2 · %3 done, %4 in flight · %5</source>
        <translation>%1: %2 · %3 hechas, %4 en curso · %5</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: the %n finished step(s) are kept.</source>
        <translation>
            <numerusform>Cancelando: se conserva el %n paso terminado.</numerusform>
            <numerusform>Cancelando: se conservan los %n pasos terminados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: the %n finished step(s) are kept.</source>
        <translation>
            <numerusform>Cancelado: se conserva el %n paso terminado.</numerusform>
            <numerusform>Cancelado: se conservan los %n pasos terminados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n step(s).</source>
        <translation>
            <numerusform>Hecho: %n paso.</numerusform>
            <numerusform>Hecho: %n pasos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sweep yet: Run → Sweep… in the main window.</source>
        <translation>Aún no hay ningún barrido: Ejecutar → Barrido… en la ventana principal.</translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation>el escenario</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>concurrencia</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>ritmo</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>search over %1</source>
        <translation>búsqueda variando %1</translation>
    </message>
    <message>
        <source>Sweep of “%1” (%2) against %3</source>
        <translation>Barrido de «%1» (%2) contra %3</translation>
    </message>
    <message>
        <source>the built-in simulator</source>
        <translation>el simulador integrado</translation>
    </message>
    <message>
        <source>A real target: no theory is drawn; its ceiling is where the served curve stops following the offered load.</source>
        <translation>Un destino real: no se dibuja ninguna teoría; su techo está donde la curva servida deja de seguir a la carga ofrecida.</translation>
    </message>
    <message>
        <source>The kitchen (the built-in simulator) has a cook for every order, each taking %1 s: there is no ceiling, so the line never forms and every order is served in %1 s.</source>
        <translation>La cocina (el simulador integrado) tiene un cocinero por pedido, y cada uno tarda %1 s: no hay techo, así que nunca se forma cola y cada pedido se sirve en %1 s.</translation>
    </message>
    <message numerus="yes">
        <source>The kitchen (the built-in simulator) has %n cook(s); each order takes T = %1 s (the first token after %2 ms, then %3 more, %4 ms apart), so it serves at most S/T = %5 orders a second. More customers a second than the kitchen can cook: past %5 a second the line only grows.</source>
        <translation>
            <numerusform>La cocina (el simulador integrado) tiene %n cocinero; cada pedido tarda T = %1 s (el primer token a los %2 ms, luego %3 más, cada %4 ms), así que sirve como mucho S/T = %5 pedidos por segundo. Más clientes por segundo de los que la cocina puede cocinar: pasados %5 por segundo, la cola no hace más que crecer.</numerusform>
            <numerusform>La cocina (el simulador integrado) tiene %n cocineros; cada pedido tarda T = %1 s (el primer token a los %2 ms, luego %3 más, cada %4 ms), así que sirve como mucho S/T = %5 pedidos por segundo. Más clientes por segundo de los que la cocina puede cocinar: pasados %5 por segundo, la cola no hace más que crecer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Little&apos;s law, step %1 (%2): on average L = %3 orders were in the shop (measured); λ·W = %4 served a second × %5 s each = %6.</source>
        <translation>Ley de Little, paso %1 (%2): de media había L = %3 pedidos en la hamburguesería (medido); λ·W = %4 servidos por segundo × %5 s cada uno = %6.</translation>
    </message>
    <message numerus="yes">
        <source>With %n cook(s), about %1 of them waited in line.</source>
        <translation>
            <numerusform>Con %n cocinero, unos %1 esperaban en la cola.</numerusform>
            <numerusform>Con %n cocineros, unos %1 esperaban en la cola.</numerusform>
        </translation>
    </message>
    <message>
        <source>Little&apos;s law, step %1: too few orders served to tell.</source>
        <translation>Ley de Little, paso %1: demasiado pocos pedidos servidos para saberlo.</translation>
    </message>
    <message>
        <source>Most served: %1 requests/s (%2 tokens/s).</source>
        <translation>Máximo servido: %1 peticiones/s (%2 tokens/s).</translation>
    </message>
    <message numerus="yes">
        <source>%n level(s) saturated (ringed red): the line grew through the step.</source>
        <translation>
            <numerusform>%n nivel saturado (con anillo rojo): la cola creció durante todo el paso.</numerusform>
            <numerusform>%n niveles saturados (con anillo rojo): la cola creció durante todo el paso.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity (%1): no level met the SLO.</source>
        <translation>Capacidad (%1): ningún nivel cumplió el SLO.</translation>
    </message>
    <message>
        <source>Capacity (%1): %2, bracket [%3, %4] (%5).</source>
        <translation>Capacidad (%1): %2, horquilla [%3, %4] (%5).</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message>
        <source>Wait for the sweep to finish, or cancel it, before saving it.</source>
        <translation>Espera a que termine el barrido, o cancélalo, antes de guardarlo.</translation>
    </message>
    <message>
        <source>There is no sweep to save yet.</source>
        <translation>Aún no hay ningún barrido que guardar.</translation>
    </message>
    <message>
        <source>Save sweep</source>
        <translation>Guardar el barrido</translation>
    </message>
    <message>
        <source>Sweep reports (*.json)</source>
        <translation>Informes de barrido (*.json)</translation>
    </message>
    <message>
        <source>Saved the sweep to %1.</source>
        <translation>Barrido guardado en %1.</translation>
    </message>
    <message>
        <source>Cannot save the sweep</source>
        <translation>No se puede guardar el barrido</translation>
    </message>
    <message>
        <source>Sweep — BurgerBench</source>
        <translation>Barrido — BurgerBench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Save sweep…</source>
        <translation>&amp;Guardar el barrido…</translation>
    </message>
    <message>
        <source>Save the sweep as a sweep report (JSON), as burgerbench-cli sweep --json writes it</source>
        <translation>Guarda el barrido como informe de barrido (JSON), como lo escribe burgerbench-cli sweep --json</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the sweep; the finished steps are kept</source>
        <translation>Detiene el barrido; los pasos terminados se conservan</translation>
    </message>
    <message>
        <source>Click a point to show that step&apos;s timeline in the main window.</source>
        <translation>Haz clic en un punto para ver la línea de tiempo de ese paso en la ventana principal.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::TargetBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>Ocultar este mensaje</translation>
    </message>
    <message>
        <source>Use the built-in simulator</source>
        <translation>Usar el simulador integrado</translation>
    </message>
    <message>
        <source>Switch the scenario&apos;s target to the simulator that comes with BurgerBench; press Run again to see the orders served</source>
        <translation>Cambia el destino del escenario al simulador que trae BurgerBench; pulsa Ejecutar de nuevo para ver servidos los pedidos</translation>
    </message>
    <message>
        <source>Nothing answers at %1 — is the server running? Or use the built-in simulator.</source>
        <translation>Nadie responde en %1 — ¿está en marcha el servidor? O usa el simulador integrado.</translation>
    </message>
    <message>
        <source>New here? Press Run (Ctrl+R): the orders of the scenario on the left go to the built-in simulator, and each one becomes a lane on this timeline.</source>
        <translation>¿Primera vez? Pulsa Ejecutar (Ctrl+R): los pedidos del escenario de la izquierda van al simulador integrado y cada uno se convierte en un carril de esta línea de tiempo.</translation>
    </message>
    <message>
        <source>Use the socket transport</source>
        <translation>Usar el transporte de sockets</translation>
    </message>
    <message>
        <source>Switch the scenario to the lighter HTTP/1.1 client on QTcpSocket (target.transport &quot;socket&quot;); press Run again to measure anew</source>
        <translation>Cambia el escenario al cliente HTTP/1.1 más ligero sobre QTcpSocket (target.transport &quot;socket&quot;); pulsa Ejecutar otra vez para medir de nuevo</translation>
    </message>
    <message>
        <source>This computer limited the run, not the server: its engine thread was busy %1% of its busiest second and the loop lag p99 was %2 ms, so the figures are upper bounds of what the server did.</source>
        <translation>Este ordenador limitó la ejecución, no el servidor: su hilo del motor estuvo ocupado el %1% de su segundo más cargado y el retraso del bucle p99 fue de %2 ms, así que las cifras son cotas superiores de lo que hizo el servidor.</translation>
    </message>
    <message>
        <source>The socket transport costs less per token event.</source>
        <translation>El transporte de sockets gasta menos por evento de token.</translation>
    </message>
    <message>
        <source>The run&apos;s own CPU work kept the event loop busy: the cashier was cooking.</source>
        <translation>El propio trabajo de CPU de la ejecución tuvo ocupado el bucle de eventos: el cajero cocinaba.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::Theory</name>
    <message>
        <source>no requests or tasks</source>
        <translation>ninguna petición ni tarea</translation>
    </message>
    <message>
        <source>the workload has neither requests nor CPU work</source>
        <translation>la carga no tiene peticiones ni trabajo de CPU</translation>
    </message>
    <message>
        <source> + arrivals/rate limit/capacity (exact schedule)</source>
        <translation> + llegadas/límite de ritmo/capacidad (calendario exacto)</translation>
    </message>
    <message>
        <source>concurrent with CPU work on the loop is the anti-pattern model; choose anti-pattern or mixed</source>
        <translation>concurrent con trabajo de CPU en el bucle es el modelo anti-pattern; elige anti-pattern o mixed</translation>
    </message>
    <message>
        <source>⌈N/P⌉·T, P = min(N, cap, capacity) = %1: ⌈%2/%1⌉ × %3</source>
        <translation>⌈N/P⌉·T, P = mín(N, tope, capacidad) = %1: ⌈%2/%1⌉ × %3</translation>
    </message>
    <message>
        <source>N·T_cpu = %1 × %2 (one thread: slices interleave)</source>
        <translation>N·T_cpu = %1 × %2 (un hilo: los trozos se intercalan)</translation>
    </message>
    <message>
        <source>⌈N/P⌉·(T_io + T_cpu·max(1, P/cores)), P = min(W, cap, N) = %1: ⌈%2/%1⌉ × (%3 + %4 × %5)</source>
        <translation>⌈N/P⌉·(T_io + T_cpu·máx(1, P/núcleos)), P = mín(W, tope, N) = %1: ⌈%2/%1⌉ × (%3 + %4 × %5)</translation>
    </message>
    <message>
        <source>⌈N/P⌉·T, P = min(W, cap, capacity, N) = %1: ⌈%2/%1⌉ × %3</source>
        <translation>⌈N/P⌉·T, P = mín(W, tope, capacidad, N) = %1: ⌈%2/%1⌉ × %3</translation>
    </message>
    <message>
        <source>⌈N/P⌉·T_cpu·max(1, P/cores), P = %1: ⌈%2/%1⌉ × %3 × %4</source>
        <translation>⌈N/P⌉·T_cpu·máx(1, P/núcleos), P = %1: ⌈%2/%1⌉ × %3 × %4</translation>
    </message>
    <message>
        <source>parallel-cpu runs CPU tasks only; for requests use parallel-blocking, for requests with post-processing use mixed</source>
        <translation>parallel-cpu solo ejecuta tareas de CPU; para peticiones usa parallel-blocking, para peticiones con posprocesado usa mixed</translation>
    </message>
    <message>
        <source>⌈N/P⌉·T_cpu, P = min(cores, N) = %1: ⌈%2/%1⌉ × %3 (ideal N·T/P = %4)</source>
        <translation>⌈N/P⌉·T_cpu, P = mín(núcleos, N) = %1: ⌈%2/%1⌉ × %3 (ideal N·T/P = %4)</translation>
    </message>
    <message>
        <source>mixed needs requests and CPU post-processing (cpu task ms &gt; 0)</source>
        <translation>mixed necesita peticiones y posprocesado de CPU (ms de tarea de CPU &gt; 0)</translation>
    </message>
    <message>
        <source>≈ ⌈N/P⌉·T_io + ⌈min(N, P)/cores⌉·T_cpu, P = %1, cores = %2: ⌈%3/%1⌉ × %4 + ⌈%5/%2⌉ × %6</source>
        <translation>≈ ⌈N/P⌉·T_io + ⌈mín(N, P)/núcleos⌉·T_cpu, P = %1, núcleos = %2: ⌈%3/%1⌉ × %4 + ⌈%5/%2⌉ × %6</translation>
    </message>
    <message>
        <source>anti-pattern needs requests and CPU post-processing (cpu task ms &gt; 0)</source>
        <translation>anti-pattern necesita peticiones y posprocesado de CPU (ms de tarea de CPU &gt; 0)</translation>
    </message>
    <message>
        <source>≈ T_io + N·T_cpu when N ≤ P (all CPU in a row on the loop): %1 + %2 × %3</source>
        <translation>≈ T_io + N·T_cpu si N ≤ P (toda la CPU seguida en el bucle): %1 + %2 × %3</translation>
    </message>
    <message>
        <source> (every %1th job fails at once and costs nothing)</source>
        <translation> (cada %1.º trabajo falla al instante y no cuesta nada)</translation>
    </message>
</context>
<context>
    <name>BurgerBench::Timeline</name>
    <message>
        <source>worker %1</source>
        <translation>trabajador %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n.º %1</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>conexión %1</translation>
    </message>
    <message>
        <source>event loop</source>
        <translation>bucle de eventos</translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation>Aún no hay peticiones</translation>
    </message>
    <message>
        <source>event loop (cashier)</source>
        <translation>bucle de eventos (cajero)</translation>
    </message>
    <message>
        <source>worker %1 (cashier-cook)</source>
        <translation>trabajador %1 (cajero-cocinero)</translation>
    </message>
    <message>
        <source>job worker %1</source>
        <translation>trabajador de tareas %1</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the compared run&apos;s row</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>A, upper row: %1</source>
        <translation>A, fila de arriba: %1</translation>
    </message>
    <message>
        <source>B, lower row (pale, outlined): %1</source>
        <translation>B, fila de abajo (pálida, con contorno): %1</translation>
    </message>
    <message>
        <source>QtConcurrent %1</source>
        <translation>QtConcurrent %1</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>ejecución %1: %2</translation>
    </message>
    <message>
        <source>CPU tasks only: no requests</source>
        <translation>Solo tareas de CPU: ninguna petición</translation>
    </message>
    <message>
        <source>kitchen</source>
        <translation>cocina</translation>
    </message>
    <message>
        <source>cooking %1</source>
        <translation>cocinando %1</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>esperando %1</translation>
    </message>
    <message>
        <source>KV cache %1%</source>
        <translation>caché KV %1%</translation>
    </message>
    <message>
        <source>kitchen: %1 (peaks)</source>
        <translation>cocina: %1 (picos)</translation>
    </message>
    <message>
        <source>kitchen: %1 (peaks, %2 label sets summed; %3)</source>
        <translation>cocina: %1 (picos, suma de %2 conjuntos de etiquetas; %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n in line</source>
        <translation>
            <numerusform>%n en la fila</numerusform>
            <numerusform>%n en la fila</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not due yet</source>
        <translation>
            <numerusform>%n al que aún no le toca</numerusform>
            <numerusform>%n a los que aún no les toca</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>in line · not due yet</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>idle %1%</source>
        <translation>libre el %1%</translation>
    </message>
    <message>
        <source>job board</source>
        <translation>tablero de trabajos</translation>
    </message>
    <message>
        <source>pending %1 · running %2 · done %3 · failed %4</source>
        <translation>pendientes %1 · en marcha %2 · hechos %3 · fallidos %4</translation>
    </message>
    <message>
        <source>job board (no polls recorded: true statuses): %1</source>
        <translation>tablero de trabajos (sin consultas grabadas: estados reales): %1</translation>
    </message>
    <message>
        <source>job board, polled once: %1</source>
        <translation>tablero de trabajos, consultado una vez: %1</translation>
    </message>
    <message>
        <source>job board, polled every %1 (ticks): %2</source>
        <translation>tablero de trabajos, consultado cada %1 (marcas): %2</translation>
    </message>
    <message>
        <source>At %1 the jobs were: %2. (No polls were recorded: these are their true statuses.)</source>
        <translation>A los %1 los trabajos estaban: %2. (No se grabaron consultas: son sus estados reales.)</translation>
    </message>
    <message>
        <source>before the first poll, every ticket reads pending; the first poll at %1</source>
        <translation>antes de la primera consulta todo ticket figura como pendiente; la primera consulta, a los %1</translation>
    </message>
    <message>
        <source>read at the last poll, at %1</source>
        <translation>leído en la última consulta, a los %1</translation>
    </message>
    <message>
        <source>read at the poll at %1; the next at %2</source>
        <translation>leído en la consulta de los %1; la siguiente, a los %2</translation>
    </message>
    <message>
        <source>At %1 the board said %2 (%3). The jobs themselves: %4.</source>
        <translation>A los %1 el tablero decía %2 (%3). Los trabajos en sí: %4.</translation>
    </message>
</context>
<context>
    <name>BurgerBench::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Each row is a request (or a connection slot); colours and patterns show waiting in line, sending, waiting for the first token, streaming and errors.</source>
        <translation>Cada fila es una petición (o una conexión); colores y tramas muestran la espera en la fila, el envío, la espera del primer token, la recepción y los errores.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event loop&lt;/b&gt;&lt;br&gt;Green: the loop thread is busy. Red: busy for so long that everything else waits. Orange bars: how late its timer fired (lag).</source>
        <translation>&lt;b&gt;Bucle de eventos&lt;/b&gt;&lt;br&gt;Verde: el hilo del bucle está ocupado. Rojo: ocupado tanto tiempo que todo lo demás espera. Barras naranjas: cuánto se retrasó su temporizador (retraso).</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>Ejecución B</translation>
    </message>
    <message>
        <source>Run B: %1</source>
        <translation>Ejecución B: %1</translation>
    </message>
</context>
<context>
    <name>BurgerBench::TokenGapPlot</name>
    <message>
        <source>No gaps: fewer than two tokens.</source>
        <translation>Sin huecos: menos de dos tokens.</translation>
    </message>
    <message>
        <source>token 2</source>
        <translation>token 2</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>token %1</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>mediana %1</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Click a request on the timeline to see its details.</source>
        <translation>Haz clic en una petición de la línea de tiempo para ver sus detalles.</translation>
    </message>
    <message>
        <source>Request phases</source>
        <translation>Fases de la petición</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Empieza en</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Dura</translation>
    </message>
    <message>
        <source>Gaps between tokens</source>
        <translation>Huecos entre tokens</translation>
    </message>
    <message>
        <source>Streamed text</source>
        <translation>Texto recibido</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BurgerBench</source>
        <translation>BurgerBench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra principal</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>The burger story</source>
        <translation>La historia de las hamburguesas</translation>
    </message>
    <message>
        <source>Live statistics</source>
        <translation>Estadísticas en vivo</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Detalles de la petición</translation>
    </message>
    <message>
        <source>Run the scenario (Ctrl+R)</source>
        <translation>Ejecuta el escenario (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop the run; what finished is kept (Esc)</source>
        <translation>Detiene la ejecución; lo terminado se conserva (Esc)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Abrir escenario…</translation>
    </message>
    <message>
        <source>Open a scenario JSON file</source>
        <translation>Abre un archivo JSON de escenario</translation>
    </message>
    <message>
        <source>&amp;Save scenario as…</source>
        <translation>&amp;Guardar escenario como…</translation>
    </message>
    <message>
        <source>Save the scenario as JSON (the API key is never saved)</source>
        <translation>Guarda el escenario como JSON (la clave de la API nunca se guarda)</translation>
    </message>
    <message>
        <source>&amp;Export timeline…</source>
        <translation>E&amp;xportar la línea de tiempo…</translation>
    </message>
    <message>
        <source>Save the timeline as PNG, SVG or PDF</source>
        <translation>Guarda la línea de tiempo como PNG, SVG o PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom in (+, mouse wheel)</source>
        <translation>Acercar (+, rueda del ratón)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom out (-, mouse wheel)</source>
        <translation>Alejar (-, rueda del ratón)</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Ver todo</translation>
    </message>
    <message>
        <source>Show the whole run (F)</source>
        <translation>Muestra la ejecución entera (F)</translation>
    </message>
    <message>
        <source>Follow &amp;live</source>
        <translation>&amp;Seguir en vivo</translation>
    </message>
    <message>
        <source>Keep the newest moment in view while running (L)</source>
        <translation>Mantiene a la vista el momento más reciente durante la ejecución (L)</translation>
    </message>
    <message>
        <source>Lanes per &amp;request</source>
        <translation>Carriles por &amp;petición</translation>
    </message>
    <message>
        <source>One lane per request</source>
        <translation>Un carril por petición</translation>
    </message>
    <message>
        <source>Lanes per &amp;connection slot</source>
        <translation>Carriles por &amp;conexión</translation>
    </message>
    <message>
        <source>One lane per connection slot: who is busy when</source>
        <translation>Un carril por conexión: quién está ocupada y cuándo</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;About BurgerBench</source>
        <translation>&amp;Acerca de BurgerBench</translation>
    </message>
    <message>
        <source>R&amp;ace…</source>
        <translation>C&amp;arrera…</translation>
    </message>
    <message>
        <source>Race one workload through several execution models on a shared time axis (Ctrl+Shift+R)</source>
        <translation>Hace correr una misma carga de trabajo por varios modelos de ejecución sobre un eje de tiempo compartido (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>&amp;Barrido…</translation>
    </message>
    <message>
        <source>Run the scenario at several load levels and draw the curve: how much load it takes (Ctrl+Shift+W)</source>
        <translation>Ejecuta el escenario a varios niveles de carga y dibuja la curva: cuánta carga aguanta (Ctrl+Mayús+W)</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <source>Race: one workload, several execution models</source>
        <translation>Carrera: una carga de trabajo, varios modelos de ejecución</translation>
    </message>
    <message>
        <source>Workload and knobs</source>
        <translation>Carga de trabajo y mandos</translation>
    </message>
    <message>
        <source>R&amp;ace:</source>
        <translation>C&amp;arrera:</translation>
    </message>
    <message>
        <source>The workload and the models it runs through</source>
        <translation>La carga de trabajo y los modelos por los que pasa</translation>
    </message>
    <message>
        <source>Re&amp;quests (N):</source>
        <translation>Pet&amp;iciones (N):</translation>
    </message>
    <message>
        <source>Orders (or CPU tasks) in the workload</source>
        <translation>Pedidos (o tareas de CPU) de la carga de trabajo</translation>
    </message>
    <message>
        <source>&amp;Workers (W):</source>
        <translation>&amp;Trabajadores (W):</translation>
    </message>
    <message>
        <source>Blocking worker threads (parallel-blocking) or job workers (background jobs)</source>
        <translation>Hilos trabajadores bloqueantes (parallel-blocking) o trabajadores de tareas (background-jobs)</translation>
    </message>
    <message>
        <source>Concurrenc&amp;y cap:</source>
        <translation>Tope de &amp;concurrencia:</translation>
    </message>
    <message>
        <source>The semaphore: at most this many requests in flight; the rest queue on the client</source>
        <translation>El semáforo: como mucho estas peticiones en curso; las demás hacen cola en el cliente</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sin tope</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Límite de &amp;ritmo:</translation>
    </message>
    <message>
        <source>The token bucket: requests sent per second at most; dispatches spread out</source>
        <translation>El cubo de fichas: como mucho estas peticiones enviadas por segundo; los envíos se espacian</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Server ca&amp;pacity:</source>
        <translation>Capacidad del &amp;servidor:</translation>
    </message>
    <message>
        <source>The built-in simulator serves at most this many requests at once; the rest wait on the server</source>
        <translation>El simulador integrado atiende como mucho estas peticiones a la vez; las demás esperan en el servidor</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitada</translation>
    </message>
    <message>
        <source>CP&amp;U per task:</source>
        <translation>CP&amp;U por tarea:</translation>
    </message>
    <message>
        <source>Real CPU work (SHA-256 rounds) per task or per response</source>
        <translation>Trabajo real de CPU (rondas de SHA-256) por tarea o por respuesta</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Preset &amp;values</source>
        <translation>Valores &amp;predefinidos</translation>
    </message>
    <message>
        <source>Put the knobs back to the preset&apos;s values</source>
        <translation>Devuelve los mandos a los valores de la carrera predefinida</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Ver todo</translation>
    </message>
    <message>
        <source>Show every row whole on the shared time axis (F)</source>
        <translation>Muestra cada fila entera sobre el eje de tiempo compartido (F)</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>La historia</translation>
    </message>
    <message>
        <source>Shared time axis</source>
        <translation>Eje de tiempo compartido</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>Ready-made scenarios; change any field afterwards</source>
        <translation>Escenarios ya preparados; después puedes cambiar cualquier campo</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>A name for this run</source>
        <translation>Un nombre para esta ejecución</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Built-in &amp;simulator (no network needed)</source>
        <translation>&amp;Simulador integrado (no hace falta red)</translation>
    </message>
    <message>
        <source>OpenAI-compatible &amp;endpoint</source>
        <translation>&amp;Endpoint compatible con OpenAI</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Base URL (…/v1) or the full endpoint URL</source>
        <translation>URL base (…/v1) o la URL completa del endpoint</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>nombre del modelo</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>Chat completions</source>
        <translation>Chat completions</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Completions</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>API &amp;key variable:</source>
        <translation>Variable de la &amp;clave:</translation>
    </message>
    <message>
        <source>Name of the environment variable holding the API key. The key itself is never stored.</source>
        <translation>Nombre de la variable de entorno que guarda la clave de la API. La clave en sí nunca se almacena.</translation>
    </message>
    <message>
        <source>HTTP/&amp;2 without TLS (h2c)</source>
        <translation>HTTP/&amp;2 sin TLS (h2c)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>M&amp;odo:</translation>
    </message>
    <message>
        <source>Sequential: one after another</source>
        <translation>Secuencial: una tras otra</translation>
    </message>
    <message>
        <source>Concurrent: one event loop</source>
        <translation>Concurrente: un bucle de eventos</translation>
    </message>
    <message>
        <source>Parallel: blocking workers</source>
        <translation>Paralelo: trabajadores bloqueantes</translation>
    </message>
    <message>
        <source>Parallel: CPU work on cores</source>
        <translation>Paralelo: trabajo de CPU en núcleos</translation>
    </message>
    <message>
        <source>Mixed: loop + CPU pool</source>
        <translation>Mixto: bucle + grupo de CPU</translation>
    </message>
    <message>
        <source>Anti-pattern: cook on the loop</source>
        <translation>Antipatrón: cocinar en el bucle</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Concurrencia:</translation>
    </message>
    <message>
        <source>Most requests in flight at once (the semaphore)</source>
        <translation>Máximo de peticiones en curso a la vez (el semáforo)</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>&amp;Peticiones:</translation>
    </message>
    <message>
        <source>by duration</source>
        <translation>por duración</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>by requests</source>
        <translation>por peticiones</translation>
    </message>
    <message>
        <source>Arrival ra&amp;te:</source>
        <translation>&amp;Ritmo de llegada:</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> pet/s</translation>
    </message>
    <message>
        <source>closed loop</source>
        <translation>bucle cerrado</translation>
    </message>
    <message>
        <source>Open loop: requests are scheduled at this rate whether or not earlier ones finished</source>
        <translation>Bucle abierto: las peticiones se programan a este ritmo tanto si las anteriores terminaron como si no</translation>
    </message>
    <message>
        <source>&amp;Burstiness:</source>
        <translation>&amp;Ráfagas:</translation>
    </message>
    <message>
        <source>constant gaps</source>
        <translation>huecos constantes</translation>
    </message>
    <message>
        <source>Gamma shape of the gaps: 1 = Poisson, smaller = burstier</source>
        <translation>Forma Gamma de los huecos: 1 = Poisson, menor = más a ráfagas</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Calentamiento:</translation>
    </message>
    <message>
        <source>Requests sent first and left out of the statistics</source>
        <translation>Peticiones que se envían primero y quedan fuera de las estadísticas</translation>
    </message>
    <message>
        <source>Wor&amp;kers:</source>
        <translation>&amp;Trabajadores:</translation>
    </message>
    <message>
        <source>Threads for the parallel modes</source>
        <translation>Hilos para los modos paralelos</translation>
    </message>
    <message>
        <source>CPU &amp;work:</source>
        <translation>Trabajo de C&amp;PU:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>CPU work per response (parallel, mixed and anti-pattern modes)</source>
        <translation>Trabajo de CPU por respuesta (modos paralelo, mixto y antipatrón)</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Semilla:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <source>S&amp;tream tokens (SSE)</source>
        <translation>Recibir &amp;tokens en streaming (SSE)</translation>
    </message>
    <message>
        <source>Max to&amp;kens:</source>
        <translation>Má&amp;x. tokens:</translation>
    </message>
    <message>
        <source>&amp;Prompt tokens:</source>
        <translation>Tokens del &amp;prompt:</translation>
    </message>
    <message>
        <source>Prom&amp;pt:</source>
        <translation>Promp&amp;t:</translation>
    </message>
    <message>
        <source>empty: generated from the prompt length</source>
        <translation>vacío: se genera a partir de la longitud del prompt</translation>
    </message>
    <message>
        <source>&amp;Ignore end of sequence (fixed-length answers)</source>
        <translation>&amp;Ignorar el fin de secuencia (respuestas de longitud fija)</translation>
    </message>
    <message>
        <source>Timeouts and retries</source>
        <translation>Plazos y reintentos</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Plazo:</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>Plazo de &amp;inactividad:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Reintentos:</translation>
    </message>
    <message>
        <source>Backoff &amp;base:</source>
        <translation>Espera &amp;base:</translation>
    </message>
    <message>
        <source>Backoff ma&amp;x:</source>
        <translation>Espera má&amp;xima:</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>&amp;Límite de ritmo:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Client-side token bucket</source>
        <translation>Cubo de fichas en el cliente</translation>
    </message>
    <message>
        <source>B&amp;urst:</source>
        <translation>Rá&amp;faga:</translation>
    </message>
    <message>
        <source>On &amp;error:</source>
        <translation>Ante un &amp;error:</translation>
    </message>
    <message>
        <source>Collect all errors</source>
        <translation>Recoger todos los errores</translation>
    </message>
    <message>
        <source>Fail fast: cancel the rest</source>
        <translation>Fallo rápido: cancelar el resto</translation>
    </message>
    <message>
        <source>Built-in simulator</source>
        <translation>Simulador integrado</translation>
    </message>
    <message>
        <source>&amp;First token after:</source>
        <translation>&amp;Primer token tras:</translation>
    </message>
    <message>
        <source>Token &amp;interval:</source>
        <translation>&amp;Intervalo entre tokens:</translation>
    </message>
    <message>
        <source>&amp;Jitter:</source>
        <translation>&amp;Variación:</translation>
    </message>
    <message>
        <source>&amp;Output tokens:</source>
        <translation>Tokens de &amp;salida:</translation>
    </message>
    <message>
        <source>max tokens</source>
        <translation>máx. tokens</translation>
    </message>
    <message>
        <source>&amp;Server capacity:</source>
        <translation>&amp;Capacidad del servidor:</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitada</translation>
    </message>
    <message>
        <source>How many requests the server works on at once; the rest wait at the server</source>
        <translation>Cuántas peticiones atiende el servidor a la vez; las demás esperan en el servidor</translation>
    </message>
    <message>
        <source>HTTP &amp;429:</source>
        <translation>HTTP &amp;429:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>HTTP &amp;500:</source>
        <translation>HTTP &amp;500:</translation>
    </message>
    <message>
        <source>HTTP 50&amp;3:</source>
        <translation>HTTP 50&amp;3:</translation>
    </message>
    <message>
        <source>Connection &amp;reset:</source>
        <translation>Conexión &amp;cortada:</translation>
    </message>
    <message>
        <source>Stall:</source>
        <translation>Atasco:</translation>
    </message>
    <message>
        <source>Malformed chunk:</source>
        <translation>Fragmento mal formado:</translation>
    </message>
    <message>
        <source>Error in stream:</source>
        <translation>Error en el stream:</translation>
    </message>
    <message>
        <source>Missing [DONE]:</source>
        <translation>Falta [DONE]:</translation>
    </message>
    <message>
        <source>Send &amp;window:</source>
        <translation>&amp;Ventana de envío:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>At most this many requests being handed to the network at once; the others wait at this gate, recorded as client queue time. Keeps the time from start to wire short, so TTFT stays honest at high concurrency. 0 = no limit (raw requests/s).</source>
        <translation>Como máximo estas peticiones entregándose a la red a la vez; las demás esperan en esta puerta, y esa espera cuenta como tiempo en la cola del cliente. Mantiene corto el tiempo del inicio al cable, para que el TTFT siga siendo honesto con mucha concurrencia. 0 = sin límite (peticiones/s en bruto).</translation>
    </message>
    <message>
        <source>Background jobs: accepted now, done later</source>
        <translation>Trabajos en segundo plano: aceptados ya, hechos después</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Carga de trabajo</translation>
    </message>
    <message>
        <source>&amp;Input lengths:</source>
        <translation>Longitudes de &amp;entrada:</translation>
    </message>
    <message>
        <source>empty: the prompt above</source>
        <translation>vacío: el prompt de arriba</translation>
    </message>
    <message>
        <source>Prompt lengths in tokens: N, uniform:A,B, normal:MEAN,STD, lognormal:MEAN,STD or a mix like 128:30,1024:70</source>
        <translation>Longitudes del prompt en tokens: N, uniform:A,B, normal:MEDIA,DESV, lognormal:MEDIA,DESV o una mezcla como 128:30,1024:70</translation>
    </message>
    <message>
        <source>O&amp;utput lengths:</source>
        <translation>Longitudes de sa&amp;lida:</translation>
    </message>
    <message>
        <source>empty: max tokens above</source>
        <translation>vacío: el máx. de tokens de arriba</translation>
    </message>
    <message>
        <source>max_tokens per request, a distribution like the input lengths</source>
        <translation>max_tokens por petición, una distribución como las longitudes de entrada</translation>
    </message>
    <message>
        <source>Shared prefi&amp;x:</source>
        <translation>Prefi&amp;jo compartido:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>A system prompt every request starts with: the set menu the kitchen keeps ready</source>
        <translation>Un prompt de sistema con el que empieza cada petición: el menú del día que la cocina tiene listo</translation>
    </message>
    <message>
        <source>Prefix &amp;groups:</source>
        <translation>&amp;Grupos de prefijos:</translation>
    </message>
    <message>
        <source>How many different shared prefixes; each request picks one</source>
        <translation>Cuántos prefijos compartidos distintos; cada petición elige uno</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>Conjunto de &amp;datos:</translation>
    </message>
    <message>
        <source>empty: synthetic prompts</source>
        <translation>vacío: prompts sintéticos</translation>
    </message>
    <message>
        <source>A JSONL or ShareGPT JSON file of prompts</source>
        <translation>Un archivo JSONL o JSON de ShareGPT con prompts</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Data&amp;set format:</source>
        <translation>&amp;Formato de los datos:</translation>
    </message>
    <message>
        <source>Detect from the content</source>
        <translation>Detectar por el contenido</translation>
    </message>
    <message>
        <source>JSONL: one request a line</source>
        <translation>JSONL: una petición por línea</translation>
    </message>
    <message>
        <source>ShareGPT conversations</source>
        <translation>Conversaciones de ShareGPT</translation>
    </message>
    <message>
        <source>Sa&amp;mple rows:</source>
        <translation>Filas de &amp;muestra:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Rows kept from the dataset (seeded sampling); all = every row</source>
        <translation>Filas que se toman del conjunto de datos (muestreo con semilla); todas = todas las filas</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>CSV: one request a row</source>
        <translation>CSV: una petición por fila</translation>
    </message>
    <message>
        <source>Mooncake trace (lengths, hash blocks, timestamps)</source>
        <translation>Traza Mooncake (longitudes, bloques hash, marcas de tiempo)</translation>
    </message>
    <message>
        <source>Sess&amp;ions:</source>
        <translation>Sesi&amp;ones:</translation>
    </message>
    <message>
        <source>off: one request each</source>
        <translation>no: una petición cada uno</translation>
    </message>
    <message>
        <source>Multi-turn: users who each hold a conversation; concurrency counts users</source>
        <translation>Varios turnos: usuarios que mantienen cada uno una conversación; la concurrencia cuenta usuarios</translation>
    </message>
    <message>
        <source>T&amp;urns:</source>
        <translation>T&amp;urnos:</translation>
    </message>
    <message>
        <source>Turns of each synthetic conversation; each carries the history with the real answers</source>
        <translation>Turnos de cada conversación sintética; cada uno lleva el historial con las respuestas reales</translation>
    </message>
    <message>
        <source>T&amp;hink time:</source>
        <translation>Tiempo de &amp;reflexión:</translation>
    </message>
    <message>
        <source>ms, e.g. 500 or uniform:200,800</source>
        <translation>ms, p. ej. 500 o uniform:200,800</translation>
    </message>
    <message>
        <source>Milliseconds between an answer&apos;s end and the user&apos;s next turn</source>
        <translation>Milisegundos entre el final de una respuesta y el siguiente turno del usuario</translation>
    </message>
    <message>
        <source>The dataset&apos;s conversations are sessions</source>
        <translation>Las conversaciones del conjunto de datos son sesiones</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>En curso:</translation>
    </message>
    <message>
        <source>Requests sent and not finished yet</source>
        <translation>Peticiones enviadas y aún sin terminar</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Hechas:</translation>
    </message>
    <message>
        <source>Requests that finished well</source>
        <translation>Peticiones que terminaron bien</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fallidas:</translation>
    </message>
    <message>
        <source>Requests that failed</source>
        <translation>Peticiones que fallaron</translation>
    </message>
    <message>
        <source>In line:</source>
        <translation>En la fila:</translation>
    </message>
    <message>
        <source>Requests/s:</source>
        <translation>Peticiones/s:</translation>
    </message>
    <message>
        <source>Finished requests per second, over the last second</source>
        <translation>Peticiones terminadas por segundo, en el último segundo</translation>
    </message>
    <message>
        <source>Tokens/s:</source>
        <translation>Tokens/s:</translation>
    </message>
    <message>
        <source>Token events per second, over the last second</source>
        <translation>Eventos de token por segundo, en el último segundo</translation>
    </message>
    <message>
        <source>Loop lag:</source>
        <translation>Retraso del bucle:</translation>
    </message>
    <message>
        <source>How late the event loop&apos;s timer fired most recently: a busy loop answers late</source>
        <translation>Cuánto se retrasó la última vez el temporizador del bucle de eventos: un bucle ocupado responde tarde</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>Time to first token:</source>
        <translation>Tiempo hasta el primer token:</translation>
    </message>
    <message>
        <source>TTFT: from sending to the first token</source>
        <translation>TTFT: desde el envío hasta el primer token</translation>
    </message>
    <message>
        <source>Click to highlight the requests at or above this value on the timeline</source>
        <translation>Haz clic para resaltar en la línea de tiempo las peticiones con este valor o más</translation>
    </message>
    <message>
        <source>Between tokens:</source>
        <translation>Entre tokens:</translation>
    </message>
    <message>
        <source>ITL: gap between consecutive tokens</source>
        <translation>ITL: hueco entre tokens consecutivos</translation>
    </message>
    <message>
        <source>Whole request:</source>
        <translation>Petición completa:</translation>
    </message>
    <message>
        <source>E2EL: from sending to the last token</source>
        <translation>E2EL: desde el envío hasta el último token</translation>
    </message>
    <message>
        <source>Drag across the time axis (or Shift+drag) to see the statistics of a time range.</source>
        <translation>Arrastra sobre el eje de tiempo (o Mayús+arrastrar) para ver las estadísticas de un intervalo.</translation>
    </message>
    <message>
        <source>Requests waiting to be sent: for a free slot (in Sequential mode, the one cashier) or the rate limiter</source>
        <translation>Peticiones que esperan a enviarse: a que haya un hueco libre (en modo secuencial, el único cajero) o a que lo permita el limitador</translation>
    </message>
    <message>
        <source>Not due yet:</source>
        <translation>Aún no les toca:</translation>
    </message>
    <message>
        <source>Open loop: requests whose time in the schedule has not come, not yet in line</source>
        <translation>Bucle abierto: peticiones a las que el calendario aún no ha llegado; todavía no están en la fila</translation>
    </message>
    <message>
        <source>In line before sending:</source>
        <translation>En la fila antes de enviarse:</translation>
    </message>
    <message>
        <source>Client queue time: from when the request was due to when it was sent (extra, not a vLLM metric)</source>
        <translation>Tiempo en la cola del cliente: desde que a la petición le tocaba hasta que se envió (extra, no es una métrica de vLLM)</translation>
    </message>
</context>
<context>
    <name>StoryPanel</name>
    <message>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <source>Live story captions</source>
        <translation>Subtítulos de la historia en vivo</translation>
    </message>
    <message>
        <source>What this run shows</source>
        <translation>Lo que muestra esta ejecución</translation>
    </message>
</context>
</TS>
