-- Drives Neovim's built-in LSP client on one cable, headless, and writes what the editor saw as JSON.
-- Run by test/editors/run.mjs as
--   nvim --headless -i NONE -u README-SNIPPET.lua -c 'luafile nvim-check.lua' CABLE
-- so the README's snippet is the whole configuration and the cable is opened as a user opens it.
-- Environment: CABLE_HOVER is the 0-based "LINE:CHARACTER" (UTF-16) of a TAG, CABLE_EDIT "LINE:OLD:NEW" an
-- edit to make (OLD replaced by NEW on 0-based LINE), CABLE_FIX "LINE:CHARACTER:CODE" (UTF-16) a finding whose quick
-- fix to apply, CABLE_TXT a second cable named like 10TALLINN207.txt, CABLE_HASH a third named by a hash
-- (000_9b41c7e2d05a6f38.txt), CABLE_NOTES a .txt file of prose that is no cable, CABLE_CLOSED a cable of the workspace never
-- opened, CABLE_SCOPE the `cable.validate.scope` the setup is meant to give (with "workspace" the findings of
-- CABLE_CLOSED are waited for), CABLE_CLOSED_ONLY set to stop after CABLE_CLOSED's findings,
-- CABLE_OUT the JSON file this writes; once the server has read the workspace, the code lenses of the cable are asked
-- for with vim.lsp.codelens.refresh(). It asserts nothing: run.mjs compares the JSON with the CLI.

local out = {}

-- The server says when it has read the workspace; it sends the findings of closed cables, when it does, before.
-- Set before the loop runs, so before the server can answer.
local indexed = false
vim.lsp.handlers['cable/indexed'] = function() indexed = true end

-- What vim.diagnostic holds for a buffer: 0-based line, column in bytes, severity, code and message.
local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { line = d.lnum, col = d.col, severity = d.severity, code = d.code or lsp.code, source = d.source, message = d.message })
  end
  return list
end

local function finish(code)
  local f = io.open(os.getenv('CABLE_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd((code == 0 and 'qall!' or 'cquit! ' .. code))
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype

  -- The snippet's FileType autocommand attaches the client; wait until it has initialized.
  local client
  vim.wait(30000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.initialized then
        client = c
        return true
      end
    end
    return false
  end, 20)
  out.attached = client ~= nil
  if not client then return end
  out.name = client.name
  out.command = client.config.cmd

  -- (a) Diagnostics, as vim.diagnostic holds them (columns in bytes).
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  out.diagnostics = diagnostics(buf)

  -- (a2) The cable never opened: what vim.diagnostic keeps for it (on a buffer Neovim makes without loading it)
  -- and what vim.diagnostic.setqflist() lists for it.
  local closed = os.getenv('CABLE_CLOSED')
  local closed_buf = vim.uri_to_bufnr(vim.uri_from_fname(closed))
  vim.wait(15000, function() return indexed and (os.getenv('CABLE_SCOPE') ~= 'workspace' or #vim.diagnostic.get(closed_buf) > 0) end, 20)
  out.indexed = indexed
  out.closedLoaded = vim.api.nvim_buf_is_loaded(closed_buf)
  out.closedDiagnostics = diagnostics(closed_buf)
  vim.diagnostic.setqflist({ open = false })
  out.closedQuickfix = {}
  for _, item in ipairs(vim.fn.getqflist()) do
    if vim.api.nvim_buf_get_name(item.bufnr) == closed then table.insert(out.closedQuickfix, { line = item.lnum, text = item.text }) end
  end
  if os.getenv('CABLE_CLOSED_ONLY') then
    vim.lsp.stop_client(client.id)
    out.stopped = vim.wait(10000, function() return client.is_stopped() end, 20)
    return
  end

  -- (a3) Code lens: once the server has read the workspace (above), vim.lsp.codelens.refresh() asks for the lenses of
  -- the current buffer; what vim.lsp.codelens.get() keeps (0-based line, title, command) and the virtual text
  -- Neovim shows for them (0-based line, text).
  vim.lsp.codelens.refresh()
  vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 20)
  out.lenses = {}
  for _, lens in ipairs(vim.lsp.codelens.get(buf)) do
    table.insert(out.lenses, { line = lens.range.start.line, title = lens.command and lens.command.title or vim.NIL, command = lens.command and lens.command.command or vim.NIL })
  end
  out.lensText = {}
  for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(buf, vim.lsp.codelens.__namespaces[client.id], 0, -1, { details = true })) do
    local text = ''
    for _, chunk in ipairs(mark[4].virt_text or {}) do text = text .. chunk[1] end
    table.insert(out.lensText, { line = mark[2], text = text })
  end

  -- (b) Document symbols, through the helper behind vim.lsp.buf.document_symbol().
  local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) }, 10000)
  out.symbols = {}
  for _, response in pairs(symbols or {}) do
    if response.err then out.symbolsError = response.err.message end
    for _, item in ipairs(vim.lsp.util.symbols_to_items(response.result or {}, buf)) do
      table.insert(out.symbols, { name = item.text, line = item.lnum })
    end
  end

  -- (c) Hover on a TAG: the cursor goes there (bytes), the request is made from it as K makes it,
  -- and the answer is turned into the lines the hover window shows.
  local line, character = os.getenv('CABLE_HOVER'):match('(%d+):(%d+)')
  line, character = tonumber(line), tonumber(character)
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  vim.api.nvim_win_set_cursor(0, { line + 1, vim.str_byteindex(text, character, true) })
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000)
  for _, response in pairs(hovers or {}) do
    if response.err then out.hoverError = response.err.message end
    if response.result then
      out.hoverKind = type(response.result.contents) == 'table' and response.result.contents.kind or vim.NIL
      out.hover = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
    end
  end

  -- (d) An edit on a line that starts with a pilcrow (one UTF-16 unit, two UTF-8 bytes): the server
  -- must apply Neovim's incremental change where Neovim made it, and answer with new diagnostics.
  local edit_line, old, new = os.getenv('CABLE_EDIT'):match('^(%d+):([^:]*):(.*)$')
  edit_line = tonumber(edit_line)
  local edit_text = vim.api.nvim_buf_get_lines(buf, edit_line, edit_line + 1, false)[1]
  local from = edit_text:find(old, 1, true) - 1
  -- The server may still publish for the opened version after the edit, so wait for diagnostics of the
  -- edited version (the notification's `version`).
  local published
  local handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    published = result and result.version
    return handler(e, result, ctx, config)
  end
  vim.api.nvim_buf_set_text(buf, edit_line, from, edit_line, from + #old, { new })
  vim.wait(15000, function() return published == vim.lsp.util.buf_versions[buf] end, 20)
  out.editedDiagnostics = diagnostics(buf)

  -- (e) A quick fix: the code actions at the finding, asked for as vim.lsp.buf.code_action() asks for them in 0.7
  -- (the range at the cursor, the line's diagnostics as context), and the fix applied as it applies an action's edit.
  local fix_line, fix_character, fix_code = os.getenv('CABLE_FIX'):match('^(%d+):(%d+):(%w+)$')
  fix_line, fix_character = tonumber(fix_line), tonumber(fix_character)
  local fix_text = vim.api.nvim_buf_get_lines(buf, fix_line, fix_line + 1, false)[1]
  vim.api.nvim_win_set_cursor(0, { fix_line + 1, vim.str_byteindex(fix_text, fix_character, true) })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf), only = { 'quickfix' } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local action
  out.fixTitles = {}
  for _, response in pairs(responses or {}) do
    if response.err then out.fixError = response.err.message end
    for _, a in ipairs(response.result or {}) do
      table.insert(out.fixTitles, a.title)
      local tied = false
      for _, d in ipairs(a.diagnostics or {}) do tied = tied or d.code == fix_code end
      if not action and tied and not vim.startswith(a.title, 'Disable ') then action = a end
    end
  end
  if action then
    out.fixTitle = action.title
    local applied, apply_err = pcall(vim.lsp.util.apply_workspace_edit, action.edit, client.offset_encoding)
    if not applied then out.fixError = tostring(apply_err) end
    vim.wait(15000, function() return published == vim.lsp.util.buf_versions[buf] end, 20)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    out.fixedText = table.concat(lines, '\n') .. (vim.bo[buf].eol and '\n' or '')
    out.modified = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.bo[b].modified and vim.api.nvim_buf_get_name(b) ~= '' then table.insert(out.modified, vim.api.nvim_buf_get_name(b)) end
    end
    out.fixedDiagnostics = diagnostics(buf)
  end

  -- Opens a file as a user does and records, under keys starting with `prefix`, its filetype, whether it joined
  -- the running client (rather than starting another) and what vim.diagnostic holds for it.
  local function visit_cable(file, prefix)
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local b = vim.api.nvim_get_current_buf()
    out[prefix .. 'Filetype'] = vim.bo[b].filetype
    vim.wait(5000, function() return vim.lsp.buf_get_clients(b)[client.id] ~= nil end, 20)
    out[prefix .. 'SameClient'] = vim.lsp.buf_get_clients(b)[client.id] ~= nil
    vim.wait(15000, function() return #vim.diagnostic.get(b) > 0 end, 20)
    out[prefix .. 'Diagnostics'] = diagnostics(b)
  end
  -- A second cable, named as Cablegate names them ("10TALLINN207.txt"): the snippet's name pattern gives it the cable filetype.
  visit_cable(os.getenv('CABLE_TXT'), 'txt')
  -- A third, named by a hash, with blank lines before its header: the snippet's '.*%.txt' pattern gives it the
  -- cable filetype by its text.
  visit_cable(os.getenv('CABLE_HASH'), 'hash')
  -- Prose in a .txt file, with a VZCZC line further down: it must get the text filetype and no client.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CABLE_NOTES')))
  local notes = vim.api.nvim_get_current_buf()
  out.notesFiletype = vim.bo[notes].filetype
  out.notesClients = vim.tbl_count(vim.lsp.buf_get_clients(notes))
  out.clients = #vim.lsp.get_active_clients()

  -- Shut down: shutdown, exit, and the process must be gone.
  vim.lsp.stop_client(client.id)
  out.stopped = vim.wait(10000, function() return client.is_stopped() end, 20)
end)

if not ok then out.error = tostring(err) end
out.messages = vim.api.nvim_exec('messages', true)
local log = io.open(vim.lsp.get_log_path(), 'r')
out.log = log and log:read('*a') or ''
if log then log:close() end
finish(ok and 0 or 1)
