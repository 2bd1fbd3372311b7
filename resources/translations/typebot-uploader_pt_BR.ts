<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AppController</name>
    <message>
        <source>Reading the token of “%1” from the keychain…</source>
        <translation>Lendo o token de “%1” no chaveiro…</translation>
    </message>
    <message>
        <source>The token of “%1” could not be read: %2 The queue is paused: enter the token in Settings, or resume to upload without it.</source>
        <translation>Não foi possível ler o token de “%1”: %2 A fila está pausada: informe o token nas configurações ou retome para enviar sem ele.</translation>
    </message>
    <message>
        <source>The token of “%1” could not be saved: %2</source>
        <translation>Não foi possível salvar o token de “%1”: %2</translation>
    </message>
    <message>
        <source>No keychain service is running: the token is kept for this session only.</source>
        <translation>Nenhum serviço de chaveiro está em execução: o token fica guardado só nesta sessão.</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Local sandbox</source>
        <translation>Sandbox local</translation>
    </message>
</context>
<context>
    <name>BotTesterWindow</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Copy Transcript</source>
        <translation>&amp;Copiar conversa</translation>
    </message>
    <message>
        <source>Test a Bot</source>
        <translation>Testar um bot</translation>
    </message>
    <message>
        <source>https://viewer.example.com/api</source>
        <translation>https://viewer.exemplo.com/api</translation>
    </message>
    <message>
        <source>The Typebot viewer or its API; a bot link below replaces it</source>
        <translation>O viewer do Typebot ou a API dele; um link de bot abaixo o substitui</translation>
    </message>
    <message>
        <source>my-bot, or https://viewer.example.com/my-bot</source>
        <translation>meu-bot, ou https://viewer.exemplo.com/meu-bot</translation>
    </message>
    <message>
        <source>Copy the conversation as text</source>
        <translation>Copiar a conversa como texto</translation>
    </message>
    <message>
        <source>&amp;Viewer URL:</source>
        <translation>URL do &amp;viewer:</translation>
    </message>
    <message>
        <source>&amp;Bot:</source>
        <translation>&amp;Bot:</translation>
    </message>
    <message>
        <source>Enter the bot&apos;s id or link, then press Start.</source>
        <translation>Informe o id ou o link do bot e clique em Iniciar.</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Choose an answer:</source>
        <translation>Escolha uma resposta:</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;Adicionar arquivos…</translation>
    </message>
    <message>
        <source>Drop files here, or</source>
        <translation>Solte arquivos aqui, ou</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>C&amp;lear Files</source>
        <translation>&amp;Limpar arquivos</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Pular</translation>
    </message>
    <message>
        <source>S&amp;ubmit Files</source>
        <translation>&amp;Enviar arquivos ao bot</translation>
    </message>
    <message>
        <source>Files for the Bot</source>
        <translation>Arquivos para o bot</translation>
    </message>
    <message>
        <source>Starting a chat with “%1”…</source>
        <translation>Iniciando uma conversa com “%1”…</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>não é um arquivo</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Recusado: %1</translation>
    </message>
    <message>
        <source>Bot test</source>
        <translation>Teste de bot</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Asking for an upload slot…</source>
        <translation>Pedindo um espaço de envio…</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Retrying soon: %1</source>
        <translation>Nova tentativa em breve: %1</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Armazenado</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The bot ended the conversation.</source>
        <translation>O bot encerrou a conversa.</translation>
    </message>
    <message>
        <source>The bot asks for a “%1”, which this window answers as text:</source>
        <translation>O bot pede um “%1”, que esta janela responde como texto:</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Sua resposta</translation>
    </message>
    <message>
        <source>The bot asks for one or more files.</source>
        <translation>O bot pede um ou mais arquivos.</translation>
    </message>
    <message>
        <source>The bot asks for one file.</source>
        <translation>O bot pede um arquivo.</translation>
    </message>
    <message>
        <source>Allowed types: %1.</source>
        <translation>Tipos permitidos: %1.</translation>
    </message>
    <message>
        <source>Any type of file is allowed.</source>
        <translation>Qualquer tipo de arquivo é permitido.</translation>
    </message>
    <message>
        <source>Required: the bot waits until files are submitted.</source>
        <translation>Obrigatório: o bot espera até que os arquivos sejam enviados.</translation>
    </message>
    <message>
        <source>Optional: you can skip it.</source>
        <translation>Opcional: você pode pular.</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>(pulado)</translation>
    </message>
    <message>
        <source>The bot did not accept that answer and asks again.</source>
        <translation>O bot não aceitou essa resposta e pergunta de novo.</translation>
    </message>
    <message>
        <source>You can send the answer again, or restart.</source>
        <translation>Você pode enviar a resposta de novo ou reiniciar.</translation>
    </message>
    <message>
        <source>The chat stopped. Restart to begin a new one.</source>
        <translation>A conversa parou. Reinicie para começar outra.</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Pré-&amp;visualizar</translation>
    </message>
    <message>
        <source>Chat with the bot as last edited, not as published: give its typebot id; the profile&apos;s API token is sent</source>
        <translation>Conversar com o bot como foi editado por último, não como publicado: informe o id do typebot; o token de API do perfil é enviado</translation>
    </message>
    <message>
        <source>The bot&apos;s progress bar</source>
        <translation>A barra de progresso do bot</translation>
    </message>
    <message>
        <source>Enter submits the files; Delete removes the selected ones</source>
        <translation>Enter envia os arquivos; Delete remove os selecionados</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>Remove the selected files from this answer</source>
        <translation>Remover os arquivos selecionados desta resposta</translation>
    </message>
    <message>
        <source>A preview needs the profile&apos;s API token (Settings, the profile&apos;s token); without it the server answers 401.</source>
        <translation>Uma pré-visualização precisa do token de API do perfil (Configurações, token do perfil); sem ele o servidor responde 401.</translation>
    </message>
    <message>
        <source>Starting a preview chat with “%1”…</source>
        <translation>Iniciando uma conversa de pré-visualização com “%1”…</translation>
    </message>
    <message>
        <source>the bot takes only one file; remove the other one first</source>
        <translation>o bot aceita apenas um arquivo; remova o outro primeiro</translation>
    </message>
    <message>
        <source>Held: remove the refused file first</source>
        <translation>Em espera: remova primeiro o arquivo recusado</translation>
    </message>
    <message>
        <source>The bot asks for a “%1”; the server reads your text:</source>
        <translation>O bot pede um “%1”; o servidor interpreta o seu texto:</translation>
    </message>
    <message>
        <source>The bot asks for a payment, which only a browser can make (the payment provider&apos;s form). Open the bot in a browser to go on.</source>
        <translation>O bot pede um pagamento, que só um navegador pode fazer (o formulário do provedor de pagamento). Abra o bot em um navegador para continuar.</translation>
    </message>
    <message>
        <source>Choose one or more, then Send:</source>
        <translation>Escolha uma ou mais opções e depois Enviar:</translation>
    </message>
    <message>
        <source>Sent as “%1”</source>
        <translation>Enviado como “%1”</translation>
    </message>
    <message>
        <source>Typebot&apos;s server cannot match %1: such files are refused.</source>
        <translation>O servidor do Typebot não reconhece %1: esses arquivos são recusados.</translation>
    </message>
    <message>
        <source>Submitting When Stored…</source>
        <translation>Enviando Quando Armazenado…</translation>
    </message>
    <message>
        <source>The bot recorded your answer as: %1</source>
        <translation>O bot registrou sua resposta como: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Log: %1</translation>
    </message>
    <message>
        <source>The bot&apos;s progress: %1%</source>
        <translation>Progresso do bot: %1%</translation>
    </message>
</context>
<context>
    <name>ChatAnswer</name>
    <message>
        <source>(skipped)</source>
        <translation>(ignorado)</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Copy &amp;report</source>
        <translation>Copiar &amp;relatório</translation>
    </message>
    <message>
        <source>File details</source>
        <translation>Detalhes do arquivo</translation>
    </message>
    <message>
        <source>Select a file to see where it went and every request made for it.</source>
        <translation>Selecione um arquivo para ver para onde ele foi e cada requisição feita para ele.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentativa</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requisição</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Timeline of requests</source>
        <translation>Linha do tempo das requisições</translation>
    </message>
    <message>
        <source>Copy the file&apos;s outcome and timeline as text, with secrets removed, for a support ticket</source>
        <translation>Copia o resultado e a linha do tempo do arquivo como texto, sem segredos, para um chamado de suporte</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Caminho:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linha do tempo</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>tamanho desconhecido</translation>
    </message>
    <message>
        <source>&lt;i&gt;not stored yet&lt;/i&gt;</source>
        <translation>&lt;i&gt;ainda não armazenado&lt;/i&gt;</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>id da requisição %1</translation>
    </message>
    <message>
        <source>wait %1 s</source>
        <translation>espera %1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalhes:</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, em %2</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>destination: profile (host)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop files or folders here</source>
        <translation>Solte arquivos ou pastas aqui</translation>
    </message>
    <message>
        <source>They are uploaded to the chat session of the current profile, and each gets a link.</source>
        <translation>Eles são enviados para a sessão de chat do perfil atual, e cada um recebe um link.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>Drop zone</source>
        <translation>Área para soltar</translation>
    </message>
    <message>
        <source>Drop files or folders here to upload them, or use Browse or Paste.</source>
        <translation>Solte arquivos ou pastas aqui para enviá-los, ou use Procurar ou Colar.</translation>
    </message>
    <message>
        <source>Choose files to upload (Ctrl+O)</source>
        <translation>Escolher arquivos para enviar (Ctrl+O)</translation>
    </message>
    <message>
        <source>Upload the files or the image on the clipboard (Ctrl+V)</source>
        <translation>Enviar os arquivos ou a imagem da área de transferência (Ctrl+V)</translation>
    </message>
</context>
<context>
    <name>FileTypeRules</name>
    <message>
        <source>a file without extension</source>
        <translation>um arquivo sem extensão</translation>
    </message>
    <message>
        <source>none of the bot&apos;s allowed types (%1) is in Typebot&apos;s file type table, so the server refuses every file at this block; the bot&apos;s author must allow types such as .pdf or image/*</source>
        <translation>nenhum dos tipos permitidos pelo bot (%1) está na tabela de tipos de arquivo do Typebot, então o servidor recusa todo arquivo neste bloco; o autor do bot precisa permitir tipos como .pdf ou image/*</translation>
    </message>
    <message>
        <source>the bot accepts only %1, not %2</source>
        <translation>o bot aceita apenas %1, não %2</translation>
    </message>
    <message>
        <source>servers that keep file names (before 3.17) compare the link&apos;s extension %1 with %2 and refuse it; rename the file to .%3</source>
        <translation>servidores que mantêm o nome do arquivo (antes da 3.17) comparam a extensão do link %1 com %2 e o recusam; renomeie o arquivo para .%3</translation>
    </message>
    <message>
        <source>its content is %1, which the server does not take for this block (it takes %2)</source>
        <translation>o conteúdo é %1, que o servidor não aceita neste bloco (aceita %2)</translation>
    </message>
    <message>
        <source>the bot lists %1, but Typebot&apos;s server cannot match %2 (%3 is not in its file type table), so it refuses the file</source>
        <translation>o bot lista %1, mas o servidor do Typebot não reconhece %2 (%3 não está na tabela de tipos de arquivo), então recusa o arquivo</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>&amp;Copy Link</source>
        <translation>&amp;Copiar link</translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation>&amp;Abrir link</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;xcluir…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Upload History</source>
        <translation>Histórico de envios</translation>
    </message>
    <message>
        <source>Search by name, link or folder</source>
        <translation>Buscar por nome, link ou pasta</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar no histórico</translation>
    </message>
    <message>
        <source>Stored files</source>
        <translation>Arquivos armazenados</translation>
    </message>
    <message>
        <source>Forget the selected entries; the stored files stay online</source>
        <translation>Esquecer as entradas selecionadas; os arquivos armazenados continuam on-line</translation>
    </message>
    <message>
        <source>Save the entries shown to a CSV file</source>
        <translation>Salvar as entradas exibidas em um arquivo CSV</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s)</source>
        <translation>
            <numerusform>%n arquivo armazenado</numerusform>
            <numerusform>%n arquivos armazenados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget “%1” and its link?</source>
        <translation>Esquecer “%1” e o seu link?</translation>
    </message>
    <message numerus="yes">
        <source>Forget these %n files and their links?</source>
        <translation>
            <numerusform>Esquecer este arquivo e o seu link?</numerusform>
            <numerusform>Esquecer estes %n arquivos e os seus links?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>Excluir do histórico</translation>
    </message>
    <message>
        <source>The files stay stored online; only this record of them is removed. This cannot be undone.</source>
        <translation>Os arquivos continuam armazenados on-line; só este registro deles é removido. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>Exportar histórico</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>The history could not be saved to %1: %2</source>
        <translation>Não foi possível salvar o histórico em %1: %2</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 bytes</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Armazenado em</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessão</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>No longer available</source>
        <translation>Não está mais disponível</translation>
    </message>
</context>
<context>
    <name>HumanFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a size limit: 10 MiB (10.5 MB)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>IncomingFiles</name>
    <message>
        <source>Nothing to add.</source>
        <translation>Nada para adicionar.</translation>
    </message>
    <message>
        <source>%1 is a web address, not a file on this computer. Download it first, then add the file.</source>
        <translation>%1 é um endereço da web, não um arquivo deste computador. Baixe-o primeiro e depois adicione o arquivo.</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer; only local files and folders can be uploaded.</source>
        <translation>%1 não é um arquivo deste computador; só arquivos e pastas locais podem ser enviados.</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 não existe (mais).</translation>
    </message>
    <message>
        <source>This is image data, not a file. Paste it with Ctrl+V instead, and it is saved as a PNG and uploaded.</source>
        <translation>Isto são dados de imagem, não um arquivo. Cole com Ctrl+V: a imagem é salva como PNG e enviada.</translation>
    </message>
    <message>
        <source>This is text, not a file. Only files and folders can be uploaded.</source>
        <translation>Isto é texto, não um arquivo. Só arquivos e pastas podem ser enviados.</translation>
    </message>
    <message>
        <source>This is not a file. Only files and folders can be uploaded.</source>
        <translation>Isto não é um arquivo. Só arquivos e pastas podem ser enviados.</translation>
    </message>
</context>
<context>
    <name>LocalSandbox</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>não é possível criar a pasta %1</translation>
    </message>
    <message>
        <source>This link no longer works: it points at the app&apos;s built-in sandbox, which does not have this file at that address any more (its storage was cleared, it moved to another port, or it is not running).</source>
        <translation>Este link não funciona mais: ele aponta para o sandbox embutido do aplicativo, que não tem mais este arquivo nesse endereço (o armazenamento foi apagado, ele mudou para outra porta ou não está em execução).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Typebot Uploader</source>
        <translation>Typebot Uploader</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>Adicionar &amp;arquivos…</translation>
    </message>
    <message>
        <source>Choose files to upload</source>
        <translation>Escolher arquivos para enviar</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Choose a folder; every file inside it is uploaded</source>
        <translation>Escolher uma pasta; todos os arquivos dentro dela são enviados</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>Upload the files or the image on the clipboard</source>
        <translation>Enviar os arquivos ou a imagem da área de transferência</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Profiles, parallel uploads, retries</source>
        <translation>Perfis, envios em paralelo, novas tentativas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation>&amp;Pausar fila</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Start no new uploads until resumed</source>
        <translation>Não iniciar novos envios até retomar</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Stop uploading the selected files</source>
        <translation>Parar de enviar os arquivos selecionados</translation>
    </message>
    <message>
        <source>Re&amp;move from List</source>
        <translation>Re&amp;mover da lista</translation>
    </message>
    <message>
        <source>Remove the selected files from the queue (not from disk)</source>
        <translation>Remover os arquivos selecionados da fila (não do disco)</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>&amp;Limpar concluídos</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Remove stored and canceled files from the list</source>
        <translation>Remover da lista os arquivos armazenados e cancelados</translation>
    </message>
    <message>
        <source>Retry All &amp;Failed</source>
        <translation>Tentar de novo todos os com &amp;falha</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Upload every failed file again</source>
        <translation>Enviar de novo todos os arquivos que falharam</translation>
    </message>
    <message>
        <source>Cancel &amp;All</source>
        <translation>Cancelar &amp;todos</translation>
    </message>
    <message>
        <source>Ctrl+Shift+.</source>
        <translation>Ctrl+Shift+.</translation>
    </message>
    <message>
        <source>Stop every waiting and running upload</source>
        <translation>Parar todos os envios em espera e em andamento</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>&amp;Copiar link</translation>
    </message>
    <message>
        <source>Copy the links of the selected stored files</source>
        <translation>Copiar os links dos arquivos armazenados selecionados</translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation>&amp;Abrir link</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Open the stored file in the web browser</source>
        <translation>Abrir o arquivo armazenado no navegador</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Mostrar na &amp;pasta</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Show the local file in the file manager</source>
        <translation>Mostrar o arquivo local no gerenciador de arquivos</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Mostrar &amp;detalhes</translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation>Alt+Return</translation>
    </message>
    <message>
        <source>Show the timeline of requests for this file</source>
        <translation>Mostrar a linha do tempo das requisições deste arquivo</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Copiar como c&amp;url</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy &amp;Report</source>
        <translation>Copiar &amp;relatório</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Copy the file&apos;s outcome and timeline, redacted, for a support ticket</source>
        <translation>Copiar o resultado e a linha do tempo do arquivo, sem segredos, para um chamado de suporte</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Selecionar &amp;tudo</translation>
    </message>
    <message>
        <source>&amp;About Typebot Uploader</source>
        <translation>&amp;Sobre o Typebot Uploader</translation>
    </message>
    <message>
        <source>Report copied; secrets are removed.</source>
        <translation>Relatório copiado; os segredos foram removidos.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Fila</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Details Pane</source>
        <translation>Painel de &amp;detalhes</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barra de ferramentas principal</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Progresso geral</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>O sandbox local não pôde ser iniciado: %1</translation>
    </message>
    <message>
        <source>Set Up a Typebot Endpoint…</source>
        <translation>Configurar um endpoint do Typebot…</translation>
    </message>
    <message>
        <source>&lt;b&gt;You are trying the app with a local sandbox.&lt;/b&gt; Files are stored on this computer only and their links work only here. No account is needed; drop a file to see how it works.</source>
        <translation>&lt;b&gt;Você está experimentando o app com um sandbox local.&lt;/b&gt; Os arquivos ficam só neste computador e os links funcionam só aqui. Não é preciso conta; solte um arquivo para ver como funciona.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be used yet: %2</source>
        <translation>O perfil “%1” ainda não pode ser usado: %2</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Abrir configurações…</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>O novo idioma será usado a partir da próxima inicialização.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s)…</source>
        <translation>
            <numerusform>Adicionando %n item…</numerusform>
            <numerusform>Adicionando %n itens…</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Adicionar arquivos</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Adicionar pasta</translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation>Nada para colar: %1</translation>
    </message>
    <message>
        <source>The selected files have no link yet.</source>
        <translation>Os arquivos selecionados ainda não têm link.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) copied.</source>
        <translation>
            <numerusform>%n link copiado.</numerusform>
            <numerusform>%n links copiados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1 link(s); %2 not opened (not http/https, or more than %3 at once).</source>
        <translation>%1 link(s) aberto(s); %2 não aberto(s) (não http/https, ou mais de %3 de uma vez).</translation>
    </message>
    <message>
        <source>The selected files are no longer on disk.</source>
        <translation>Os arquivos selecionados não estão mais no disco.</translation>
    </message>
    <message>
        <source>About Typebot Uploader</source>
        <translation>Sobre o Typebot Uploader</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Typebot Uploader %1&lt;/h3&gt;&lt;p&gt;Uploads files into a Typebot chat session&apos;s storage: many at once, with retries and a clear reason when something fails.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Typebot Uploader %1&lt;/h3&gt;&lt;p&gt;Envia arquivos para o armazenamento de uma sessão de chat do Typebot: vários de uma vez, com novas tentativas e um motivo claro quando algo falha.&lt;/p&gt;&lt;p&gt;Licença: GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>%n arquivo adicionado.</numerusform>
            <numerusform>%n arquivos adicionados.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>&amp;Resume Queue</source>
        <translation>&amp;Retomar fila</translation>
    </message>
    <message>
        <source>No files in the queue</source>
        <translation>Nenhum arquivo na fila</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) stored</source>
        <translation>
            <numerusform>%1 de %n arquivo armazenado</numerusform>
            <numerusform>%1 de %n arquivos armazenados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n com falha</numerusform>
            <numerusform>%n com falha</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausado</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>faltam %1</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Falha no envio</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored, %1 failed.</source>
        <translation>
            <numerusform>%n arquivo armazenado, %1 com falha.</numerusform>
            <numerusform>%n arquivos armazenados, %1 com falha.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored.</source>
        <translation>
            <numerusform>%n arquivo armazenado.</numerusform>
            <numerusform>%n arquivos armazenados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploads finished</source>
        <translation>Envios concluídos</translation>
    </message>
    <message>
        <source>Quit; unfinished uploads continue at the next start</source>
        <translation>Sair; os envios não concluídos continuam na próxima vez que o app for aberto</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Histórico…</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Every stored file with its link, also after the queue is cleared</source>
        <translation>Todos os arquivos armazenados com os seus links, mesmo depois de a fila ser limpa</translation>
    </message>
    <message>
        <source>The queue cannot be saved: %1 — this window keeps its queue in memory.</source>
        <translation>Não é possível salvar a fila: %1 — esta janela mantém a fila só na memória.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored from the last session.</source>
        <translation>
            <numerusform>%n arquivo restaurado da última sessão.</numerusform>
            <numerusform>%n arquivos restaurados da última sessão.</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the keychain</source>
        <translation>aguardando o chaveiro</translation>
    </message>
    <message>
        <source>Copy the two curl commands that upload the file as this app did, secrets redacted</source>
        <translation>Copiar os dois comandos curl que enviam o arquivo como este app fez, sem segredos</translation>
    </message>
    <message numerus="yes">
        <source>curl commands for %n file(s) copied; the token, policy and signature are redacted.</source>
        <translation>
            <numerusform>Comandos curl de %n arquivo copiados; o token, a policy e a assinatura foram removidos.</numerusform>
            <numerusform>Comandos curl de %n arquivos copiados; o token, a policy e a assinatura foram removidos.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test a Bot…</source>
        <translation>&amp;Testar um bot…</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Chat with a bot and upload files at its file block</source>
        <translation>Conversar com um bot e enviar arquivos no bloco de arquivos dele</translation>
    </message>
    <message>
        <source>The queue cannot be saved right now: %1. Uploads go on; what they store is saved as soon as there is room again.</source>
        <translation>A fila não pode ser salva agora: %1. Os envios continuam; o que for armazenado é salvo assim que houver espaço de novo.</translation>
    </message>
    <message>
        <source>Quit Typebot Uploader?</source>
        <translation>Sair do Typebot Uploader?</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are not uploaded yet.</source>
        <translation>
            <numerusform>%n arquivo ainda não foi enviado.</numerusform>
            <numerusform>%n arquivos ainda não foram enviados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running uploads stop now and start again from the beginning the next time you open the app. Nothing is lost.</source>
        <translation>Os envios em andamento param agora e recomeçam do início na próxima vez que você abrir o app. Nada se perde.</translation>
    </message>
    <message>
        <source>Keep &amp;Uploading</source>
        <translation>Continuar &amp;enviando</translation>
    </message>
    <message>
        <source>Opening the queue…</source>
        <translation>Abrindo a fila…</translation>
    </message>
    <message>
        <source>Upload Again?</source>
        <translation>Enviar de novo?</translation>
    </message>
    <message>
        <source>“%1” is already in the queue.</source>
        <translation>“%1” já está na fila.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the files are already in the queue.</source>
        <translation>
            <numerusform>%n dos arquivos já está na fila.</numerusform>
            <numerusform>%n dos arquivos já estão na fila.</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading them again stores a second copy with its own link.</source>
        <translation>Enviá-los de novo armazena uma segunda cópia, com o próprio link.</translation>
    </message>
    <message>
        <source>&amp;Skip Them</source>
        <translation>&amp;Pular</translation>
    </message>
    <message>
        <source>&amp;Upload Again</source>
        <translation>Enviar de &amp;novo</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the queue were skipped.</source>
        <translation>
            <numerusform>%n arquivo que já estava na fila foi pulado.</numerusform>
            <numerusform>%n arquivos que já estavam na fila foram pulados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Aguardando o servidor</translation>
    </message>
    <message>
        <source>Waiting for the keychain</source>
        <translation>Aguardando o chaveiro</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausado</translation>
    </message>
    <message>
        <source>%1 — Typebot Uploader</source>
        <translation>%1 — Typebot Uploader</translation>
    </message>
    <message>
        <source>Upload the selected failed or canceled files again; try files waiting for the server now</source>
        <translation>Enviar de novo os arquivos selecionados que falharam ou foram cancelados; tentar agora os que aguardam o servidor</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>Tentar &amp;agora</translation>
    </message>
    <message>
        <source>Upload to “%1” from now on?</source>
        <translation>Enviar para “%1” a partir de agora?</translation>
    </message>
    <message>
        <source>Files you add go to “%1” until you switch.</source>
        <translation>Os arquivos que você adicionar vão para “%1” até você trocar.</translation>
    </message>
    <message>
        <source>Switch to “%1” (%2) now? Files still waiting in the queue go there too; files stored so far stay where they are.</source>
        <translation>Trocar para “%1” (%2) agora? Os arquivos que ainda esperam na fila também vão para lá; os arquivos já armazenados ficam onde estão.</translation>
    </message>
    <message>
        <source>&amp;Switch to “%1”</source>
        <translation>&amp;Trocar para “%1”</translation>
    </message>
    <message>
        <source>&amp;Keep “%1”</source>
        <translation>&amp;Manter “%1”</translation>
    </message>
    <message>
        <source>Uploading to: %1 (this computer)</source>
        <translation>Enviando para: %1 (este computador)</translation>
    </message>
    <message>
        <source>Uploading to: %1 (%2)</source>
        <translation>Enviando para: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>PastedImageStore</name>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>Não foi possível criar uma pasta temporária: %1</translation>
    </message>
    <message>
        <source>Cannot save the pasted image to %1</source>
        <translation>Não foi possível salvar a imagem colada em %1</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Getting upload slot (attempt %1 of %2)</source>
        <translation>Obtendo vaga de envio (tentativa %1 de %2)</translation>
    </message>
    <message>
        <source>Getting upload slot</source>
        <translation>Obtendo vaga de envio</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Enviando %1%</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finalizando…</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Armazenado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tempo restante</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Retrying (attempt %1 of %2).</source>
        <translation>Tentando de novo (tentativa %1 de %2).</translation>
    </message>
    <message>
        <source>Retrying in %1 min.</source>
        <translation>Nova tentativa em %1 min.</translation>
    </message>
    <message>
        <source>Retrying in %1 s.</source>
        <translation>Nova tentativa em %1 s.</translation>
    </message>
    <message>
        <source>Retrying in %1 s (attempt %2 of %3).</source>
        <translation>Nova tentativa em %1 s (tentativa %2 de %3).</translation>
    </message>
    <message>
        <source>Stored, but the link no longer works</source>
        <translation>Armazenado, mas o link não funciona mais</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Upload queue</source>
        <translation>Fila de envio</translation>
    </message>
    <message>
        <source>Files being uploaded, one per row. Drop more files here.</source>
        <translation>Arquivos sendo enviados, um por linha. Solte mais arquivos aqui.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Perfis</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Envios</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Upload to:</source>
        <translation>&amp;Enviar para:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfis</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>The viewer&apos;s API: https://typebot.io/api, or https://&lt;your viewer&gt;/api when self-hosted</source>
        <translation>A API do viewer: https://typebot.io/api, ou https://&lt;seu viewer&gt;/api quando auto-hospedado</translation>
    </message>
    <message>
        <source>from startChat, e.g. clx0abc123…</source>
        <translation>do startChat, por exemplo clx0abc123…</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>optional: PEM file for a private certificate authority</source>
        <translation>opcional: arquivo PEM de uma CA privada</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Pro&amp;curar…</translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation>Arquivo da autoridade certificadora</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Allow &amp;insecure http:// (sends the session id unencrypted)</source>
        <translation>Permitir http:// &amp;inseguro (envia o id da sessão sem criptografia)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>URL &amp;base da API:</translation>
    </message>
    <message>
        <source>&amp;Session ID:</source>
        <translation>ID da &amp;sessão:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Token da API:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Arquivo de &amp;CA:</translation>
    </message>
    <message>
        <source>The local sandbox runs inside this app, on this computer. Its address and session are set each time it starts, and what you upload stays here. Add a profile to upload to a real Typebot.</source>
        <translation>O sandbox local roda dentro deste app, neste computador. O endereço e a sessão são definidos a cada inicialização, e o que você envia fica aqui. Adicione um perfil para enviar a um Typebot de verdade.</translation>
    </message>
    <message>
        <source>How many files are uploaded at the same time</source>
        <translation>Quantos arquivos são enviados ao mesmo tempo</translation>
    </message>
    <message>
        <source>Tries per file, the first one included, before it fails</source>
        <translation>Tentativas por arquivo, incluindo a primeira, antes de falhar</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>An upload that sends nothing for this long is retried</source>
        <translation>Um envio que não transmite nada por esse tempo é tentado de novo</translation>
    </message>
    <message>
        <source>&amp;Notify when a batch finishes or a file fails</source>
        <translation>&amp;Notificar quando um lote terminar ou um arquivo falhar</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>A new language takes effect when the app is restarted.</source>
        <translation>Um novo idioma passa a valer quando o app é reiniciado.</translation>
    </message>
    <message>
        <source>&amp;Parallel uploads:</source>
        <translation>Envios em &amp;paralelo:</translation>
    </message>
    <message>
        <source>&amp;Tries per file:</source>
        <translation>&amp;Tentativas por arquivo:</translation>
    </message>
    <message>
        <source>&amp;Stall timeout:</source>
        <translation>Tempo limite sem &amp;progresso:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sem nome)</translation>
    </message>
    <message>
        <source>Typebot</source>
        <translation>Typebot</translation>
    </message>
    <message>
        <source>Typebot %1</source>
        <translation>Typebot %1</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Dê um nome ao perfil.</translation>
    </message>
    <message>
        <source>Another profile already has this name.</source>
        <translation>Outro perfil já tem este nome.</translation>
    </message>
    <message>
        <source>http:// sends the session id unencrypted. Use https://, or allow insecure http below.</source>
        <translation>http:// envia o id da sessão sem criptografia. Use https:// ou permita http inseguro abaixo.</translation>
    </message>
    <message>
        <source>Enter the chat session&apos;s ID.</source>
        <translation>Informe o ID da sessão de chat.</translation>
    </message>
    <message>
        <source>A session ID has no spaces.</source>
        <translation>Um ID de sessão não tem espaços.</translation>
    </message>
    <message>
        <source>The token must be one word, without spaces.</source>
        <translation>O token deve ser uma só palavra, sem espaços.</translation>
    </message>
    <message>
        <source>This file does not exist or cannot be read.</source>
        <translation>Este arquivo não existe ou não pode ser lido.</translation>
    </message>
    <message>
        <source>The token is kept in your system keychain, never in the settings file.</source>
        <translation>O token fica guardado no chaveiro do sistema, nunca no arquivo de configurações.</translation>
    </message>
    <message>
        <source>No keychain service is running: the token is kept for this session only.</source>
        <translation>Nenhum serviço de chaveiro está em execução: o token fica guardado só nesta sessão.</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (unencrypted)</source>
        <translation>Guardar os tokens em um arquivo que só eu posso ler (sem criptografia)</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Para sempre</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 dias</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 dias</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 ano</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dia</numerusform>
            <numerusform>%n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>How long the history keeps the links of stored files</source>
        <translation>Por quanto tempo o histórico guarda os links dos arquivos armazenados</translation>
    </message>
    <message>
        <source>Keep &amp;history:</source>
        <translation>Manter o &amp;histórico:</translation>
    </message>
    <message>
        <source>No keychain service is running, so tokens are written unencrypted to %1. Only your user account can read the file, but so can anything that runs as you and any backup of it.</source>
        <translation>Nenhum serviço de chaveiro está em execução, então os tokens são gravados sem criptografia em %1. Só a sua conta de usuário pode ler o arquivo, mas também qualquer programa executado como você e qualquer backup dele.</translation>
    </message>
    <message>
        <source>optional: the file-input block&apos;s id</source>
        <translation>opcional: o id do bloco de arquivo</translation>
    </message>
    <message>
        <source>Only servers older than Typebot 3.17 use it; without it they are asked the way that needs no block id.</source>
        <translation>Só servidores anteriores ao Typebot 3.17 o usam; sem ele, eles são consultados pela rota que não precisa do id do bloco.</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Esquecer</translation>
    </message>
    <message>
        <source>Find out again which kind of server this is on the next upload (after the server was upgraded or moved).</source>
        <translation>Descobrir de novo, no próximo envio, que tipo de servidor é este (depois de o servidor ser atualizado ou mudar).</translation>
    </message>
    <message>
        <source>File &amp;block ID:</source>
        <translation>ID do &amp;bloco de arquivo:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Do not wait</source>
        <translation>Não esperar</translation>
    </message>
    <message>
        <source>When the server or the network is away, files wait this long for it to come back before they fail</source>
        <translation>Quando o servidor ou a rede caem, os arquivos esperam este tempo pela volta antes de falhar</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sem limite</translation>
    </message>
    <message>
        <source>All uploads together send at most this much per second, so the rest of the network stays usable; applies at once</source>
        <translation>Todos os envios juntos mandam no máximo isto por segundo, para o resto da rede continuar usável; vale na hora</translation>
    </message>
    <message>
        <source>libcurl (fast, honours the speed limit)</source>
        <translation>libcurl (rápido, respeita o limite de velocidade)</translation>
    </message>
    <message>
        <source>Qt network (slower; no speed limit)</source>
        <translation>Rede do Qt (mais lento; sem limite de velocidade)</translation>
    </message>
    <message>
        <source>How files are sent to the storage. Keep libcurl unless support asks you to compare.</source>
        <translation>Como os arquivos vão para o armazenamento. Mantenha libcurl, a não ser que o suporte peça para comparar.</translation>
    </message>
    <message>
        <source>Wait out &amp;outages for:</source>
        <translation>Esperar &amp;quedas por:</translation>
    </message>
    <message>
        <source>Upload speed &amp;limit:</source>
        <translation>&amp;Limite de velocidade de envio:</translation>
    </message>
    <message>
        <source>Send &amp;with:</source>
        <translation>Enviar &amp;com:</translation>
    </message>
    <message>
        <source>Forget Server</source>
        <translation>Esquecer servidor</translation>
    </message>
    <message>
        <source>What was learned of this server could not be forgotten: %1</source>
        <translation>Não foi possível esquecer o que se sabia deste servidor: %1</translation>
    </message>
</context>
<context>
    <name>TimelineStepNames</name>
    <message>
        <source>ticket</source>
        <comment>timeline step: asking the API for an upload slot</comment>
        <translation>vaga</translation>
    </message>
    <message>
        <source>upload</source>
        <comment>timeline step: sending the file to the storage</comment>
        <translation>envio</translation>
    </message>
    <message>
        <source>preflight</source>
        <comment>timeline step: checking the slot before sending</comment>
        <translation>verificação prévia</translation>
    </message>
    <message>
        <source>retry</source>
        <comment>timeline step: waiting before the next attempt</comment>
        <translation>nova tentativa</translation>
    </message>
    <message>
        <source>verify</source>
        <comment>timeline step: checking the file did not change</comment>
        <translation>conferência</translation>
    </message>
    <message>
        <source>note</source>
        <comment>timeline step: anything else worth recording</comment>
        <translation>nota</translation>
    </message>
</context>
<context>
    <name>TlsConfiguration</name>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 não contém nenhum certificado PEM</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Bot:</source>
        <translation>Bot:</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>Você:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erro:</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
</context>
<context>
    <name>Typebot</name>
    <message>
        <source>The disk holding %1 is full</source>
        <translation>O disco onde está %1 está cheio</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read (%2)</source>
        <translation>%1 está danificado e não pode ser lido (%2)</translation>
    </message>
    <message>
        <source>%1 is locked by another program</source>
        <translation>%1 está bloqueado por outro programa</translation>
    </message>
    <message>
        <source>%1 cannot be opened for writing (%2)</source>
        <translation>%1 não pode ser aberto para gravação (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is nested too deep; not looked into</source>
        <translation>%1 está aninhada fundo demais; não foi examinada</translation>
    </message>
    <message>
        <source>Cannot read the folder %1: %2</source>
        <translation>Não foi possível ler a pasta %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is a link to a folder, which is not followed; add the folder itself to upload what is in it</source>
        <translation>%1 é um link para uma pasta, que não é seguido; adicione a própria pasta para enviar o que há nela</translation>
    </message>
</context>
<context>
    <name>Typebot::ApiError</name>
    <message>
        <source>Could not reach the Typebot API: %1</source>
        <translation>Não foi possível acessar a API do Typebot: %1</translation>
    </message>
    <message>
        <source>The Typebot API did not answer in time.</source>
        <translation>A API do Typebot não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The Typebot API sent an answer this app cannot use: %1</source>
        <translation>A API do Typebot enviou uma resposta que este app não consegue usar: %1</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>sem detalhes</translation>
    </message>
    <message>
        <source>The Typebot API wants an API token (401): %1</source>
        <translation>A API do Typebot exige um token de API (401): %1</translation>
    </message>
    <message>
        <source>The Typebot API refused this token (403): %1</source>
        <translation>A API do Typebot recusou este token (403): %1</translation>
    </message>
    <message>
        <source>The Typebot API refused the request (%1): %2</source>
        <translation>A API do Typebot recusou a requisição (%1): %2</translation>
    </message>
    <message>
        <source>The Typebot API failed (%1): %2</source>
        <translation>A API do Typebot falhou (%1): %2</translation>
    </message>
    <message>
        <source>There is no Typebot upload API at this address (404: %1). Check the API URL: it is the bot&apos;s viewer address followed by /api, e.g. https://bot.example.com/api.</source>
        <translation>Não há API de envio do Typebot neste endereço (404: %1). Confira a URL da API: é o endereço do viewer do bot seguido de /api, p. ex. https://bot.example.com/api.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrado</translation>
    </message>
    <message>
        <source>The Typebot API did not find what was asked for (404): %1</source>
        <translation>A API do Typebot não encontrou o que foi pedido (404): %1</translation>
    </message>
</context>
<context>
    <name>Typebot::ApiExchange</name>
    <message>
        <source>canceled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the API redirected to another host (%1); not followed so the token stays with the API host</source>
        <translation>a API redirecionou para outro host (%1); não seguido, para que o token fique só com o host da API</translation>
    </message>
</context>
<context>
    <name>Typebot::BotAddress</name>
    <message>
        <source>The bot id is empty.</source>
        <translation>O id do bot está vazio.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a bot id (letters, digits, - and _) nor a bot link like https://typebot.co/my-bot.</source>
        <translation>&quot;%1&quot; não é um id de bot (letras, dígitos, - e _) nem um link de bot como https://typebot.co/meu-bot.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bot link; write it like https://typebot.co/my-bot.</source>
        <translation>&quot;%1&quot; não é um link de bot; escreva-o como https://typebot.co/meu-bot.</translation>
    </message>
    <message>
        <source>The link %1 has no bot id after the host.</source>
        <translation>O link %1 não tem um id de bot depois do host.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at the end of the link is not a bot id.</source>
        <translation>&quot;%1&quot; no fim do link não é um id de bot.</translation>
    </message>
</context>
<context>
    <name>Typebot::BoundedReply</name>
    <message>
        <source>the answer is larger than %1 KiB; stopped reading it</source>
        <translation>a resposta passa de %1 KiB; a leitura foi interrompida</translation>
    </message>
    <message>
        <source>no complete answer within %1 s</source>
        <translation>nenhuma resposta completa em %1 s</translation>
    </message>
    <message>
        <source>the answer&apos;s headers take %1 KiB, more than the %2 KiB a server sends; stopped reading it</source>
        <translation>os cabeçalhos da resposta ocupam %1 KiB, mais do que os %2 KiB que um servidor envia; a leitura foi interrompida</translation>
    </message>
</context>
<context>
    <name>Typebot::ChatRequest</name>
    <message>
        <source>&quot;%1&quot; is not a usable id</source>
        <translation>&quot;%1&quot; não é um id utilizável</translation>
    </message>
    <message>
        <source>the chat started without a sessionId</source>
        <translation>o chat começou sem um sessionId</translation>
    </message>
</context>
<context>
    <name>Typebot::ChatResponse</name>
    <message>
        <source>the chat answer is not valid JSON (%1)</source>
        <translation>a resposta do chat não é um JSON válido (%1)</translation>
    </message>
    <message>
        <source>the chat answer is not a JSON object</source>
        <translation>a resposta do chat não é um objeto JSON</translation>
    </message>
    <message>
        <source>the chat answer has neither messages nor an input</source>
        <translation>a resposta do chat não tem mensagens nem um campo de entrada</translation>
    </message>
</context>
<context>
    <name>Typebot::ChatResult</name>
    <message>
        <source>The chat request was canceled.</source>
        <translation>A requisição do chat foi cancelada.</translation>
    </message>
    <message>
        <source>There is no published bot &quot;%1&quot; on this server (404). Check the bot id or link, and that the bot is published.</source>
        <translation>Não há um bot publicado &quot;%1&quot; neste servidor (404). Confira o id ou o link do bot e se o bot está publicado.</translation>
    </message>
    <message>
        <source>The chat session no longer exists on the server (it ended or was never started); start a new chat.</source>
        <translation>A sessão de chat não existe mais no servidor (terminou ou nunca começou); inicie um novo chat.</translation>
    </message>
    <message>
        <source>The chat session expired; start a new chat.</source>
        <translation>A sessão de chat expirou; inicie um novo chat.</translation>
    </message>
    <message>
        <source>Preview chats need a valid API token (%1): %2</source>
        <translation>Chats de pré-visualização precisam de um token de API válido (%1): %2</translation>
    </message>
</context>
<context>
    <name>Typebot::CurlUploadTransport</name>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>Cannot start the upload</source>
        <translation>Não foi possível iniciar o envio</translation>
    </message>
    <message>
        <source>Cannot start the upload: libcurl could not make a handle</source>
        <translation>Não foi possível iniciar o envio: a libcurl não criou um handle</translation>
    </message>
    <message>
        <source>Cannot use the CA certificates with this libcurl: %1</source>
        <translation>Não foi possível usar os certificados de CA com esta libcurl: %1</translation>
    </message>
    <message>
        <source>The storage server did not finish its answer within %1 s of the upload</source>
        <translation>O servidor de armazenamento não terminou a resposta em %1 s após o envio</translation>
    </message>
    <message>
        <source>No progress for %1 s; the connection looks stuck</source>
        <translation>Sem progresso por %1 s; a conexão parece travada</translation>
    </message>
    <message>
        <source>The storage server&apos;s answer went on past %1 KiB; stopped reading it</source>
        <translation>A resposta do servidor de armazenamento passou de %1 KiB; a leitura foi interrompida</translation>
    </message>
    <message>
        <source>The storage server closed the connection during the upload (%1)</source>
        <translation>O servidor de armazenamento fechou a conexão durante o envio (%1)</translation>
    </message>
    <message>
        <source>The upload server answered %1: %2</source>
        <translation>O servidor de envio respondeu %1: %2</translation>
    </message>
    <message>
        <source>The storage server redirected the upload (%1) to %2; redirects are not followed</source>
        <translation>O servidor de armazenamento redirecionou o envio (%1) para %2; redirecionamentos não são seguidos</translation>
    </message>
    <message>
        <source>The storage server answered %1 %2</source>
        <translation>O servidor de armazenamento respondeu %1 %2</translation>
    </message>
    <message>
        <source>The storage server&apos;s answer had over %1 KiB of headers; stopped reading it</source>
        <translation>A resposta do servidor de armazenamento tinha mais de %1 KiB de cabeçalhos; a leitura foi interrompida</translation>
    </message>
</context>
<context>
    <name>Typebot::EndpointSettings</name>
    <message>
        <source>The API URL is empty.</source>
        <translation>A URL da API está vazia.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>&quot;%1&quot; não é uma URL válida: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a full URL; write it like https://typebot.io/api.</source>
        <translation>&quot;%1&quot; não é uma URL completa; escreva como https://typebot.io/api.</translation>
    </message>
    <message>
        <source>The API URL must start with http:// or https://, not %1://.</source>
        <translation>A URL da API deve começar com http:// ou https://, não %1://.</translation>
    </message>
    <message>
        <source>The API URL must not contain a query or fragment.</source>
        <translation>A URL da API não pode conter consulta nem fragmento.</translation>
    </message>
    <message>
        <source>Plain http:// to %1 would send the session id and token unencrypted. Use https://, or allow insecure http explicitly.</source>
        <translation>http:// simples para %1 enviaria o id da sessão e o token sem criptografia. Use https:// ou permita http inseguro explicitamente.</translation>
    </message>
    <message>
        <source>The session id is empty.</source>
        <translation>O id da sessão está vazio.</translation>
    </message>
    <message>
        <source>The session id contains spaces or control characters.</source>
        <translation>O id da sessão contém espaços ou caracteres de controle.</translation>
    </message>
    <message>
        <source>The API token contains a line break.</source>
        <translation>O token da API contém uma quebra de linha.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>O arquivo de CA %1 não pode ser lido.</translation>
    </message>
</context>
<context>
    <name>Typebot::FailureWording</name>
    <message>
        <source>The file is no longer where it was added from.</source>
        <translation>O arquivo não está mais no lugar de onde foi adicionado.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>Isto é uma pasta, não um arquivo.</translation>
    </message>
    <message>
        <source>This is not a regular file, so there is nothing to send.</source>
        <translation>Isto não é um arquivo comum, então não há nada para enviar.</translation>
    </message>
    <message>
        <source>The file could not be opened for reading.</source>
        <translation>Não foi possível abrir o arquivo para leitura.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent, so the stored copy may not match it.</source>
        <translation>O arquivo mudou enquanto era enviado, então a cópia armazenada pode não corresponder a ele.</translation>
    </message>
    <message>
        <source>The file is too large for this bot: it is %1 and the bot accepts at most %2.</source>
        <translation>O arquivo é grande demais para este bot: ele tem %1 e o bot aceita no máximo %2.</translation>
    </message>
    <message>
        <source>The file is too large for this bot: it accepts at most %1.</source>
        <translation>O arquivo é grande demais para este bot: o bot aceita no máximo %1.</translation>
    </message>
    <message>
        <source>The file is too large for this bot.</source>
        <translation>O arquivo é grande demais para este bot.</translation>
    </message>
    <message>
        <source>The file is too small for this bot: it wants at least %1.</source>
        <translation>O arquivo é pequeno demais para este bot: o bot exige no mínimo %1.</translation>
    </message>
    <message>
        <source>The file is too small for this bot.</source>
        <translation>O arquivo é pequeno demais para este bot.</translation>
    </message>
    <message>
        <source>This bot does not accept this type of file.</source>
        <translation>Este bot não aceita este tipo de arquivo.</translation>
    </message>
    <message>
        <source>The chat this file was meant for has ended or cannot be found.</source>
        <translation>A conversa para a qual este arquivo se destinava terminou ou não foi encontrada.</translation>
    </message>
    <message>
        <source>The chat is not waiting for a file right now.</source>
        <translation>A conversa não está esperando um arquivo agora.</translation>
    </message>
    <message>
        <source>The bot could not be found.</source>
        <translation>O bot não foi encontrado.</translation>
    </message>
    <message>
        <source>The Typebot server asks for an API token.</source>
        <translation>O servidor do Typebot pede um token de API.</translation>
    </message>
    <message>
        <source>The Typebot server did not accept the API token.</source>
        <translation>O servidor do Typebot não aceitou o token de API.</translation>
    </message>
    <message>
        <source>The Typebot server refused to take this file (it answered %1).</source>
        <translation>O servidor do Typebot recusou este arquivo (ele respondeu %1).</translation>
    </message>
    <message>
        <source>The Typebot server refused to take this file.</source>
        <translation>O servidor do Typebot recusou este arquivo.</translation>
    </message>
    <message>
        <source>There is no Typebot upload service at this address.</source>
        <translation>Não há um serviço de envio do Typebot neste endereço.</translation>
    </message>
    <message>
        <source>The Typebot server has no file storage set up.</source>
        <translation>O servidor do Typebot não tem um armazenamento de arquivos configurado.</translation>
    </message>
    <message>
        <source>The link to upload this file expired before it could be used.</source>
        <translation>O link para enviar este arquivo expirou antes de poder ser usado.</translation>
    </message>
    <message>
        <source>The file storage did not accept the upload link the Typebot server gave (it answered %1).</source>
        <translation>O armazenamento de arquivos não aceitou o link de envio dado pelo servidor do Typebot (ele respondeu %1).</translation>
    </message>
    <message>
        <source>The file storage did not accept the upload link the Typebot server gave.</source>
        <translation>O armazenamento de arquivos não aceitou o link de envio dado pelo servidor do Typebot.</translation>
    </message>
    <message>
        <source>The file storage had a problem and could not keep the file (it answered %1).</source>
        <translation>O armazenamento de arquivos teve um problema e não conseguiu guardar o arquivo (ele respondeu %1).</translation>
    </message>
    <message>
        <source>The Typebot server had a problem (it answered %1).</source>
        <translation>O servidor do Typebot teve um problema (ele respondeu %1).</translation>
    </message>
    <message>
        <source>The server is not accepting files right now (it answered %1).</source>
        <translation>O servidor não está aceitando arquivos agora (ele respondeu %1).</translation>
    </message>
    <message>
        <source>The server is not accepting files right now.</source>
        <translation>O servidor não está aceitando arquivos agora.</translation>
    </message>
    <message>
        <source>The file storage could not be reached.</source>
        <translation>Não foi possível conectar ao armazenamento de arquivos.</translation>
    </message>
    <message>
        <source>The Typebot server could not be reached.</source>
        <translation>Não foi possível conectar ao servidor do Typebot.</translation>
    </message>
    <message>
        <source>The connection was cut while the file was being sent.</source>
        <translation>A conexão caiu enquanto o arquivo era enviado.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made.</source>
        <translation>Não foi possível estabelecer uma conexão segura com o servidor.</translation>
    </message>
    <message>
        <source>The server took too long to answer.</source>
        <translation>O servidor demorou demais para responder.</translation>
    </message>
    <message>
        <source>The upload stopped moving: nothing got through for a while.</source>
        <translation>O envio parou: nada passou por um bom tempo.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot use.</source>
        <translation>O servidor enviou uma resposta que este app não consegue usar.</translation>
    </message>
    <message>
        <source>The upload was canceled.</source>
        <translation>O envio foi cancelado.</translation>
    </message>
    <message>
        <source>The upload failed: %1</source>
        <translation>O envio falhou: %1</translation>
    </message>
    <message>
        <source>The upload failed (the server answered %1).</source>
        <translation>O envio falhou (o servidor respondeu %1).</translation>
    </message>
    <message>
        <source>The upload failed.</source>
        <translation>O envio falhou.</translation>
    </message>
    <message>
        <source>It will get a new one and try again.</source>
        <translation>O app vai obter um novo e tentar de novo.</translation>
    </message>
    <message>
        <source>It will try again.</source>
        <translation>O app vai tentar de novo.</translation>
    </message>
    <message>
        <source>Check that it was not moved, renamed or deleted, then add it again.</source>
        <translation>Verifique se ele não foi movido, renomeado ou apagado e adicione-o de novo.</translation>
    </message>
    <message>
        <source>Add the files inside it instead.</source>
        <translation>Adicione os arquivos que estão dentro dela.</translation>
    </message>
    <message>
        <source>Add a regular file instead.</source>
        <translation>Adicione um arquivo comum.</translation>
    </message>
    <message>
        <source>Check that it exists and that you are allowed to read it.</source>
        <translation>Verifique se ele existe e se você tem permissão para lê-lo.</translation>
    </message>
    <message>
        <source>Retry to send the current version.</source>
        <translation>Tente de novo para enviar a versão atual.</translation>
    </message>
    <message>
        <source>Send a smaller file, or ask the bot&apos;s owner to raise the limit.</source>
        <translation>Envie um arquivo menor ou peça ao dono do bot para aumentar o limite.</translation>
    </message>
    <message>
        <source>Check that this is the file you meant to send.</source>
        <translation>Verifique se este é o arquivo que você queria enviar.</translation>
    </message>
    <message>
        <source>Check which types of file the bot asks for, or save the file in another format.</source>
        <translation>Verifique quais tipos de arquivo o bot pede ou salve o arquivo em outro formato.</translation>
    </message>
    <message>
        <source>Start a new chat with the bot and send the file there.</source>
        <translation>Comece uma nova conversa com o bot e envie o arquivo nela.</translation>
    </message>
    <message>
        <source>Send the file when the bot asks for one.</source>
        <translation>Envie o arquivo quando o bot pedir um.</translation>
    </message>
    <message>
        <source>Check the bot&apos;s address in the settings.</source>
        <translation>Verifique o endereço do bot nas configurações.</translation>
    </message>
    <message>
        <source>Add the API token to the profile in the settings.</source>
        <translation>Adicione o token de API ao perfil nas configurações.</translation>
    </message>
    <message>
        <source>Check the API token in the profile settings.</source>
        <translation>Verifique o token de API nas configurações do perfil.</translation>
    </message>
    <message>
        <source>The details say what the server answered; ask the bot&apos;s owner if it does not help.</source>
        <translation>Os detalhes mostram o que o servidor respondeu; pergunte ao dono do bot se isso não ajudar.</translation>
    </message>
    <message>
        <source>Check the API address in the settings: it is the bot&apos;s address followed by /api.</source>
        <translation>Verifique o endereço da API nas configurações: é o endereço do bot seguido de /api.</translation>
    </message>
    <message>
        <source>This is a problem with the server&apos;s storage settings; ask the bot&apos;s owner to fix it.</source>
        <translation>Este é um problema nas configurações de armazenamento do servidor; peça ao dono do bot para corrigi-lo.</translation>
    </message>
    <message>
        <source>The server&apos;s clock may be wrong. Try again later, or tell the bot&apos;s owner.</source>
        <translation>O relógio do servidor pode estar errado. Tente de novo mais tarde ou avise o dono do bot.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate may be invalid or not trusted; check the certificate setting of the profile.</source>
        <translation>O certificado do servidor pode ser inválido ou não confiável; verifique a configuração de certificado do perfil.</translation>
    </message>
    <message>
        <source>Tried %1 times. Check your connection and try again later.</source>
        <translation>Foram %1 tentativas. Verifique sua conexão e tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>Check your connection and try again later.</source>
        <translation>Verifique sua conexão e tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>Try again; if it fails again, copy the report for the bot&apos;s owner.</source>
        <translation>Tente de novo; se falhar outra vez, copie o relatório para o dono do bot.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>reading the file</source>
        <translation>lendo o arquivo</translation>
    </message>
    <message>
        <source>asking for an upload link</source>
        <translation>pedindo um link de envio</translation>
    </message>
    <message>
        <source>sending the file</source>
        <translation>enviando o arquivo</translation>
    </message>
    <message>
        <source>attempts: %1</source>
        <translation>tentativas: %1</translation>
    </message>
    <message>
        <source>The file is too large for this bot: it is %L1 bytes and the bot accepts at most %L2 bytes (%3).</source>
        <translation>O arquivo é grande demais para este bot: ele tem %L1 bytes e o bot aceita no máximo %L2 bytes (%3).</translation>
    </message>
</context>
<context>
    <name>Typebot::JobDatabase</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Não foi possível criar a pasta %1</translation>
    </message>
    <message>
        <source>%1 is in use by another Typebot Uploader (process %2)</source>
        <translation>%1 está em uso por outro Typebot Uploader (processo %2)</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Typebot Uploader (schema %2)</source>
        <translation>%1 foi gravado por uma versão mais nova do Typebot Uploader (esquema %2)</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1 (it may be read-only or full)</source>
        <translation>Não foi possível gravar na pasta %1 (ela pode ser somente leitura ou estar cheia)</translation>
    </message>
    <message>
        <source>%1 is in use by another Typebot Uploader</source>
        <translation>%1 está em uso por outro Typebot Uploader</translation>
    </message>
</context>
<context>
    <name>Typebot::PostPolicy</name>
    <message>
        <source>the policy is not valid base64</source>
        <translation>a política não é base64 válido</translation>
    </message>
    <message>
        <source>the policy is not a JSON object</source>
        <translation>a política não é um objeto JSON</translation>
    </message>
    <message>
        <source>the policy&apos;s expiration &quot;%1&quot; is not a date</source>
        <translation>a expiração &quot;%1&quot; da política não é uma data</translation>
    </message>
</context>
<context>
    <name>Typebot::Preflight</name>
    <message>
        <source>the upload slot&apos;s policy cannot be read: %1</source>
        <translation>a política da vaga de envio não pode ser lida: %1</translation>
    </message>
    <message>
        <source>%1; this bot accepts at most %2</source>
        <translation>%1; este bot aceita no máximo %2</translation>
    </message>
    <message>
        <source>%1; this bot wants at least %2</source>
        <translation>%1; este bot exige no mínimo %2</translation>
    </message>
    <message>
        <source>the upload slot expired %1 before it could be used (valid until %2 UTC); the server&apos;s clock may be wrong</source>
        <translation>a vaga de envio expirou %1 antes de poder ser usada (válida até %2 UTC); o relógio do servidor pode estar errado</translation>
    </message>
    <message>
        <source>%1; S3 uploads of a single object are limited to %2</source>
        <translation>%1; no S3, o envio de um único objeto é limitado a %2</translation>
    </message>
</context>
<context>
    <name>Typebot::QnamUploadTransport</name>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>No progress for %1 s; the connection looks stuck</source>
        <translation>Sem progresso por %1 s; a conexão parece travada</translation>
    </message>
    <message>
        <source>The storage server redirected the upload (%1) to %2; redirects are not followed</source>
        <translation>O servidor de armazenamento redirecionou o envio (%1) para %2; redirecionamentos não são seguidos</translation>
    </message>
    <message>
        <source>The storage server answered %1 %2</source>
        <translation>O servidor de armazenamento respondeu %1 %2</translation>
    </message>
    <message>
        <source>The storage server closed the connection during the upload (%1)</source>
        <translation>O servidor de armazenamento fechou a conexão durante o envio (%1)</translation>
    </message>
    <message>
        <source>The storage server did not finish its answer within %1 s of the upload</source>
        <translation>O servidor de armazenamento não terminou a resposta em %1 s após o envio</translation>
    </message>
    <message>
        <source>The storage server&apos;s answer went on past %1 KiB; stopped reading it</source>
        <translation>A resposta do servidor de armazenamento passou de %1 KiB; a leitura foi interrompida</translation>
    </message>
    <message>
        <source>The upload server answered %1: %2</source>
        <translation>O servidor de envio respondeu %1: %2</translation>
    </message>
    <message>
        <source>The storage server&apos;s answer had over %1 KiB of headers; stopped reading it</source>
        <translation>A resposta do servidor de armazenamento tinha mais de %1 KiB de cabeçalhos; a leitura foi interrompida</translation>
    </message>
</context>
<context>
    <name>Typebot::SecretStore</name>
    <message>
        <source>The keychain refused to give the token: %1</source>
        <translation>O chaveiro se recusou a fornecer o token: %1</translation>
    </message>
    <message>
        <source>The keychain refused to store the token: %1</source>
        <translation>O chaveiro se recusou a guardar o token: %1</translation>
    </message>
    <message>
        <source>The keychain refused to delete the token: %1</source>
        <translation>O chaveiro se recusou a apagar o token: %1</translation>
    </message>
    <message>
        <source>No keychain service is running, so the token is kept for this session only.</source>
        <translation>Nenhum serviço de chaveiro está em execução, então o token fica guardado só nesta sessão.</translation>
    </message>
    <message>
        <source>No keychain service is running; the token is stored unencrypted in %1 (readable by your user only).</source>
        <translation>Nenhum serviço de chaveiro está em execução; o token é guardado sem criptografia em %1 (legível só pelo seu usuário).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>Typebot::ServerKnowledge</name>
    <message>
        <source>S3 POST policy</source>
        <translation>política POST do S3</translation>
    </message>
    <message>
        <source>presigned PUT</source>
        <translation>PUT pré-assinado</translation>
    </message>
    <message>
        <source>upload proxy</source>
        <translation>proxy de envio</translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>ainda não visto</translation>
    </message>
    <message>
        <source>Not learned yet: the first upload finds out which kind of server this is.</source>
        <translation>Ainda não descoberto: o primeiro envio descobre que tipo de servidor é este.</translation>
    </message>
    <message>
        <source>%1 route, %2</source>
        <translation>rota %1, %2</translation>
    </message>
    <message>
        <source>Typebot 3.18 or later</source>
        <translation>Typebot 3.18 ou posterior</translation>
    </message>
    <message>
        <source>Typebot 3.17 or later</source>
        <translation>Typebot 3.17 ou posterior</translation>
    </message>
    <message>
        <source>Typebot 3.16</source>
        <translation>Typebot 3.16</translation>
    </message>
    <message>
        <source>Typebot 3.1 or earlier</source>
        <translation>Typebot 3.1 ou anterior</translation>
    </message>
    <message>
        <source>Typebot 3.15 or earlier</source>
        <translation>Typebot 3.15 ou anterior</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Typebot::ServerKnowledgeStore</name>
    <message>
        <source>cannot create %1</source>
        <translation>não foi possível criar %1</translation>
    </message>
</context>
<context>
    <name>Typebot::TimelineNotes</name>
    <message>
        <source>canceled by the user</source>
        <translation>cancelado pelo usuário</translation>
    </message>
    <message>
        <source>restored from the previous session</source>
        <translation>restaurado da sessão anterior</translation>
    </message>
    <message>
        <source>sent as “%1”: this session already has a file named “%2”, which the same name would overwrite</source>
        <translation>enviado como “%1”: esta sessão já tem um arquivo chamado “%2”, que o mesmo nome sobrescreveria</translation>
    </message>
    <message>
        <source>file unchanged (%1)</source>
        <translation>arquivo inalterado (%1)</translation>
    </message>
    <message>
        <source>getting a fresh upload slot</source>
        <translation>obtendo uma nova vaga de envio</translation>
    </message>
    <message>
        <source>waiting before attempt %1 of %2</source>
        <translation>aguardando antes da tentativa %1 de %2</translation>
    </message>
    <message>
        <source>server asked to wait (Retry-After: %1)</source>
        <translation>o servidor pediu para esperar (Retry-After: %1)</translation>
    </message>
    <message>
        <source>%1 is not on this server (%2); asking %3 instead</source>
        <translation>%1 não existe neste servidor (%2); consultando %3</translation>
    </message>
    <message>
        <source>%1 wants the file block&apos;s id (%2); asking %3 instead</source>
        <translation>%1 quer o id do bloco de arquivo (%2); consultando %3</translation>
    </message>
    <message>
        <source>%1 on this server (before 3.17) files uploads under the block id sent, which is unknown here; asking %2 instead</source>
        <translation>%1 neste servidor (anterior ao 3.17) guarda os envios sob o id de bloco enviado, que aqui é desconhecido; consultando %2</translation>
    </message>
</context>
<context>
    <name>Typebot::TransferResult</name>
    <message>
        <source>The storage answered %1 with an error document, so the file is not stored: %2</source>
        <translation>O armazenamento respondeu %1 com um documento de erro, então o arquivo não foi armazenado: %2</translation>
    </message>
    <message>
        <source>The storage answered 201 without the PostResponse that says what it stored; the file may not be stored</source>
        <translation>O armazenamento respondeu 201 sem o PostResponse que diz o que foi armazenado; o arquivo pode não estar armazenado</translation>
    </message>
</context>
<context>
    <name>Typebot::UploadJob</name>
    <message>
        <source>File not found: %1</source>
        <translation>Arquivo não encontrado: %1</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 é uma pasta, não um arquivo</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 não é um arquivo comum</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Qt re-sent the body %n time(s)</source>
        <translation>
            <numerusform>o Qt reenviou o corpo %n vez</numerusform>
            <numerusform>o Qt reenviou o corpo %n vezes</numerusform>
        </translation>
    </message>
    <message>
        <source>file changed during the upload</source>
        <translation>arquivo alterado durante o envio</translation>
    </message>
    <message>
        <source>file deleted during the upload</source>
        <translation>arquivo apagado durante o envio</translation>
    </message>
</context>
<context>
    <name>Typebot::UploadTicket</name>
    <message>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>a resposta não é JSON válido (%1 no byte %2)</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>a resposta não é um objeto JSON</translation>
    </message>
    <message>
        <source>&quot;presignedUrl&quot; is missing</source>
        <translation>&quot;presignedUrl&quot; está ausente</translation>
    </message>
    <message>
        <source>&quot;presignedUrl&quot; is not an absolute http(s) URL</source>
        <translation>&quot;presignedUrl&quot; não é uma URL http(s) absoluta</translation>
    </message>
    <message>
        <source>&quot;fileUrl&quot; is missing</source>
        <translation>&quot;fileUrl&quot; está ausente</translation>
    </message>
    <message>
        <source>&quot;formData&quot; is not an object</source>
        <translation>&quot;formData&quot; não é um objeto</translation>
    </message>
    <message>
        <source>form field &quot;%1&quot; is not text</source>
        <translation>o campo de formulário &quot;%1&quot; não é texto</translation>
    </message>
    <message>
        <source>&quot;fileUrl&quot; is not an http(s) link</source>
        <translation>&quot;fileUrl&quot; não é um link http(s)</translation>
    </message>
    <message>
        <source>&quot;maxFileSize&quot; is not a number</source>
        <translation>&quot;maxFileSize&quot; não é um número</translation>
    </message>
</context>
<context>
    <name>Typebot::UploadTransport</name>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
</context>
</TS>
